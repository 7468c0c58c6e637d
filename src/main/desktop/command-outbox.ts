import type { DesktopCommand } from '../../shared/contract/events.ts';

const MAX_WAITING = 10;

/**
 * Commands for the window (a deep link that started the app, a menu click during load) wait until the
 * renderer is listening, then go out in order; after that they go out at once.
 */
export function createCommandOutbox(deliver: (command: DesktopCommand) => void) {
  let open = false;
  let waiting: DesktopCommand[] = [];
  return {
    send(command: DesktopCommand): void {
      if (open) deliver(command);
      else waiting = [...waiting, command].slice(-MAX_WAITING);
    },
    /** the window has loaded: deliver what waited, and everything from now on */
    open(): void {
      open = true;
      const pending = waiting;
      waiting = [];
      for (const command of pending) deliver(command);
    },
    /** the window is reloading or gone: hold commands again */
    close(): void {
      open = false;
    },
  };
}
