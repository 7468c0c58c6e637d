import { app } from 'electron';
import { DEEP_LINK_SCHEME, deepLinkInArgv } from '../desktop/deep-link.ts';

/**
 * Makes the packaged app the handler of hubble-ops:// links (electron-builder's `protocols` declares it to the
 * OS at install time) and reports every link that arrives: macOS sends 'open-url', Windows and Linux start the
 * app (or a second instance, see single-instance.ts) with the link in argv. `onLink` validates it.
 */
export function receiveDeepLinks(onLink: (raw: string) => void): void {
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    onLink(url);
  });
  const atLaunch = deepLinkInArgv(process.argv);
  if (atLaunch) onLink(atLaunch);
}
