import { defineArea } from '../define-area.ts';
import { createAuditHandlers } from './audit-handlers.ts';

/** audit.*: the kernel's audit log, its export and its retention setting. */
export const auditArea = defineArea({
  name: 'audit',
  create: (kernel) => ({
    handlers: {
      audit: createAuditHandlers(kernel.audit, {
        profileExists: kernel.profiles.exists,
        retention: kernel.auditRetention,
        now: () => new Date(kernel.clock.now()),
      }),
    },
  }),
});
