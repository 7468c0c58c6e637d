import type { NetworkAddress } from '../../../shared/contract/profiles.ts';
import type { Handlers } from '../../ipc/router.ts';
import { defineArea, type AreaDefinition } from '../define-area.ts';
import { createGoLiveHandlers } from './go-live-handlers.ts';
import { machineAddresses } from './machine-addresses.ts';
import type { PrintToPdf } from './pdf-printer.ts';

export interface GoLiveAreaOptions {
  /** Electron's printToPDF (the lead wires a thin electron file); absent in the browser harness. */
  printToPdf?: PrintToPdf;
  /** Tests only: fixed addresses instead of this machine's. */
  networkAddresses?: () => NetworkAddress[];
}

/** goLive.*: Hubble's pre-launch checklist, checked from the console's own evidence, stored per profile. */
export const goLiveArea = (options: GoLiveAreaOptions = {}): AreaDefinition =>
  defineArea({
    name: 'go-live',
    create: (kernel) => {
      const handlers = {
        goLive: createGoLiveHandlers({
          kernel,
          networkAddresses: options.networkAddresses ?? (() => machineAddresses()),
          printToPdf: options.printToPdf,
        }),
      };
      // The contract registers `goLive` in src/shared/contract/index.ts; until then Handlers has no such key.
      return { handlers: handlers as unknown as Partial<Handlers> };
    },
  });
