import type { AlertFired } from '../../shared/contract/alerts.ts';
import type { DesktopCommand } from '../../shared/contract/events.ts';

export interface AlertNotification {
  title: string;
  body: string;
  /** what a click on the notification asks the window to show */
  onClick: DesktopCommand;
}

const MAX_BODY = 180;

/**
 * The desktop notification for a firing alert. It carries the rule's name, the profile's name and the
 * alert's own message (built by main from numbers, never from secrets, customers or card data), and a click
 * opens the Alerts page that explains it.
 */
export function alertNotification(fired: AlertFired, profileName: string | null): AlertNotification {
  const again = fired.event === 'renotified' ? ' (still firing)' : '';
  const message = fired.message.length > MAX_BODY ? `${fired.message.slice(0, MAX_BODY - 1)}…` : fired.message;
  return {
    title: `${fired.ruleName}${again}${profileName ? ` · ${profileName}` : ''}`,
    body: message,
    onClick: { kind: 'go', area: 'alerts' },
  };
}
