import type { DesktopCommand } from '../../../shared/contract/events.ts';
import { useCalls } from '../features/calls/calls-store.ts';
import { useOrders } from '../features/orders/orders-store.ts';
import { hubble } from '../hubble.ts';
import { isAreaId } from './area-ids.ts';
import { useNavigation } from './navigation-store.ts';
import { usePalette } from './palette-store.ts';

/** Does what the native menu, the tray, a deep link or a context menu asks (main validated it; the area is checked again). */
export async function runDesktopCommand(command: DesktopCommand): Promise<void> {
  const { goTo } = useNavigation.getState();
  switch (command.kind) {
    case 'go':
      if (isAreaId(command.area)) goTo(command.area);
      return;
    case 'open-palette':
      usePalette.getState().showPalette();
      return;
    case 'show-shortcuts':
      usePalette.getState().showShortcuts();
      return;
    case 'open-order':
      goTo('orders');
      await useOrders.getState().openOrder(command.key);
      return;
    case 'open-call': {
      goTo('calls');
      const resolved = await usePalette.getState().resolve(command.requestId);
      const match = resolved?.answer.matches.find((candidate) => candidate.kind === 'request-id');
      if (match) await useCalls.getState().open(match, command.requestId);
      else await useCalls.getState().search({ requestId: command.requestId });
      return;
    }
  }
}

/** Subscribes the window to main's desktop commands; returns the unsubscribe. */
export function followDesktopCommands(): () => void {
  return hubble().on('desktop.command', (command) => void runDesktopCommand(command));
}
