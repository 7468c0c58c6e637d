import { Notification } from 'electron';
import type { AlertNotification } from '../desktop/alert-notification.ts';

/** Raises an OS notification (where the OS supports them); a click runs `onClick`. */
export function showNotification(notification: AlertNotification, onClick: () => void): void {
  if (!Notification.isSupported()) return;
  const shown = new Notification({ title: notification.title, body: notification.body });
  shown.on('click', onClick);
  shown.show();
}
