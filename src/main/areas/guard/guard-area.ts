import { defineArea } from '../define-area.ts';
import { createGuardHandlers } from './guard-handlers.ts';

/** guard.confirm / guard.probe: the typed confirmation that the kernel's production guard asks for. */
export const guardArea = defineArea({
  name: 'guard',
  create: (kernel) => ({
    handlers: {
      guard: createGuardHandlers({
        profiles: { get: kernel.profiles.get, activeProfileId: kernel.active.id },
        tokens: kernel.tokens,
        audit: kernel.audit,
      }),
    },
  }),
});
