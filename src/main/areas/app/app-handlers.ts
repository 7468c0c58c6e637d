import type { AppInfo } from '../../../shared/contract/app.ts';
import type { Handlers } from '../../ipc/router.ts';

export function createAppHandlers(info: AppInfo): Handlers['app'] {
  return { info: () => info };
}
