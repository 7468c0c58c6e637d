import fs from 'node:fs';
import type { AppInfo } from '../../shared/contract/app.ts';
import { EventBus } from '../events/event-bus.ts';
import { createIpcRouter, type IpcRouter } from '../ipc/router.ts';
import { createProfileHandlers } from '../profiles/profile-handlers.ts';
import { createAppHandlers } from './app-handlers.ts';
import { describeRuntime } from './runtime-info.ts';

export interface ConsoleCoreOptions {
  dataDir: string;
  shell: AppInfo['shell'];
  version: string;
  onUnexpectedError?: (where: string, error: unknown) => void;
}

export interface ConsoleCore {
  readonly router: IpcRouter;
  readonly events: EventBus;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root of main, free of Electron: the Electron shell and the browser harness both build
 * the console from here, so they serve the same contract with the same services.
 */
export function createConsoleCore(options: ConsoleCoreOptions): ConsoleCore {
  fs.mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const events = new EventBus();
  const info = describeRuntime(options.shell, options.version, options.dataDir);
  const router = createIpcRouter(
    {
      app: createAppHandlers(info),
      profiles: createProfileHandlers({ simulatorBaseUrl: () => 'embedded' }),
    },
    { onUnexpectedError: options.onUnexpectedError },
  );
  return {
    router,
    events,
    async start() {},
    async stop() {},
  };
}
