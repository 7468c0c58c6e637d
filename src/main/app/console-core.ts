import type { AppInfo } from '../../shared/contract/app.ts';
import { alertsArea } from '../areas/alerts/alerts-area.ts';
import { appArea } from '../areas/app/app-area.ts';
import { auditArea } from '../areas/audit/audit-area.ts';
import { callsArea } from '../areas/calls/calls-area.ts';
import { catalogArea } from '../areas/catalog/catalog-area.ts';
import type { AreaDefinition } from '../areas/define-area.ts';
import { goLiveArea } from '../areas/go-live/go-live-area.ts';
import type { PrintToPdf } from '../areas/go-live/pdf-printer.ts';
import { guardArea } from '../areas/guard/guard-area.ts';
import type { OpenLogFileDialog } from '../areas/log-import/log-file-dialog.ts';
import { logImportArea } from '../areas/log-import/log-import-area.ts';
import { metricsArea } from '../areas/metrics/metrics-area.ts';
import { ordersArea } from '../areas/orders/orders-area.ts';
import type { ConnectionTestOptions } from '../areas/profiles/connection-test/run-connection-test.ts';
import { profilesArea } from '../areas/profiles/profiles-area.ts';
import { receiverArea } from '../areas/receiver/receiver-area.ts';
import { teamArea } from '../areas/team/team-area.ts';
import { walletArea } from '../areas/wallet/wallet-area.ts';
import { webhooksArea } from '../areas/webhooks/webhooks-area.ts';
import { createIpcRouter, type Handlers, type IpcRouter } from '../ipc/router.ts';
import { createKernel, type Kernel, type KernelOptions } from '../kernel/kernel.ts';
import { describeRuntime } from './runtime-info.ts';

export interface ConsoleCoreOptions extends KernelOptions {
  shell: AppInfo['shell'];
  version: string;
  /** Tests only: shorter timeouts or fixed addresses for the connection test. */
  connectionTest?: Omit<ConnectionTestOptions, 'recorder'>;
  /** Electron's printToPDF for reports (the Go-Live report); absent in the browser harness. */
  printToPdf?: PrintToPdf;
  /** Electron's open-file dialog (log import); absent in the browser harness, where the path is typed. */
  openFileDialog?: OpenLogFileDialog;
}

export interface ConsoleCore {
  readonly router: IpcRouter;
  readonly kernel: Kernel;
  readonly events: Kernel['events'];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The console's feature areas. Adding an area is adding it here (docs/architecture.md, "Adding an area"). */
const consoleAreas = (info: AppInfo, options: ConsoleCoreOptions): readonly AreaDefinition[] => [
  appArea(info),
  profilesArea(options.connectionTest),
  guardArea,
  auditArea,
  callsArea,
  ordersArea,
  catalogArea,
  webhooksArea,
  receiverArea,
  logImportArea({ openFileDialog: options.openFileDialog }),
  metricsArea,
  walletArea,
  alertsArea,
  goLiveArea({ printToPdf: options.printToPdf }),
  teamArea,
];

/**
 * The composition root of main, free of Electron: the Electron shell and the browser harness both build
 * the console from here, so they serve the same contract with the same services.
 */
export function createConsoleCore(options: ConsoleCoreOptions): ConsoleCore {
  const kernel = createKernel(options);
  const info = describeRuntime(options.shell, options.version, options.dataDir);
  const areas = consoleAreas(info, options).map((area) => ({ name: area.name, ...area.create(kernel) }));
  for (const area of areas) if (area.perProfile) kernel.scopes.contribute(area.name, area.perProfile);
  const handlers = Object.assign({}, ...areas.map((area) => area.handlers)) as Handlers;
  const router = createIpcRouter(handlers, { onUnexpectedError: options.onUnexpectedError, guard: kernel.guard });
  return {
    router,
    kernel,
    events: kernel.events,
    start: () => kernel.start(),
    async stop() {
      await kernel.stop();
      for (const area of [...areas].reverse()) await area.close?.();
    },
  };
}
