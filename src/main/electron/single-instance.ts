import { app } from 'electron';
import { deepLinkInArgv } from '../desktop/deep-link.ts';

/**
 * One console per user: its databases and the webhook receiver's port cannot be shared. A second launch hands
 * its deep link (if any) to the first and quits; the first comes to the front. False: this is the second.
 */
export function claimSingleInstance(onSecondLaunch: (deepLink: string | null) => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => onSecondLaunch(deepLinkInArgv(argv)));
  return true;
}
