import { ipcMain, webContents } from 'electron';
import type { EventBus } from '../kernel/event-bus.ts';
import type { IpcRouter } from '../ipc/router.ts';
import { fail } from '../../shared/contract/result.ts';
import { isTrustedSender } from '../security/sender-policy.ts';

/** The one place ipcMain is used: every channel goes through the router, behind the sender check. */
export function bindIpc(router: IpcRouter, bus: EventBus, trustedOrigins: readonly string[]): () => void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event.senderFrame, trustedOrigins)) {
        return fail('FORBIDDEN', 'This message did not come from the console window');
      }
      return router.dispatch(channel, input, { shell: 'electron' });
    });
  }
  const disconnect = bus.connect((name, payload) => {
    for (const contents of webContents.getAllWebContents()) {
      if (!contents.isDestroyed() && isTrustedSender(contents.mainFrame, trustedOrigins)) {
        contents.send(`event:${name}`, payload);
      }
    }
  });
  return () => {
    disconnect();
    for (const channel of router.channels) ipcMain.removeHandler(channel);
  };
}
