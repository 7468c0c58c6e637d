import type { AppInfo } from '../../../shared/contract/app.ts';
import { defineArea } from '../define-area.ts';
import { createAppHandlers } from './app-handlers.ts';

/** app.*: what the console runs on (described by the composition root) and the desktop preferences. */
export const appArea = (info: AppInfo) =>
  defineArea({ name: 'app', create: (kernel) => ({ handlers: { app: createAppHandlers(info, kernel.settings) } }) });
