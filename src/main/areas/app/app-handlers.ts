import type { AppInfo } from '../../../shared/contract/app.ts';
import type { Handlers } from '../../ipc/router.ts';
import type { AppSettings } from '../../kernel/settings/app-settings.ts';

export function createAppHandlers(info: AppInfo, settings: AppSettings): Handlers['app'] {
  const preferences = () => ({ closeToTray: settings.closeToTray() });
  return {
    info: () => info,
    preferences,
    setPreferences: ({ closeToTray }) => {
      if (closeToTray !== undefined) settings.setCloseToTray(closeToTray);
      return preferences();
    },
  };
}
