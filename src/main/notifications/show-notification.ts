/** Shows a grouped down notification: silent, and it never takes focus unless the user clicks it. */
import { Notification } from 'electron';
import type { DownNotification } from './down-notifier';

/** Returns a `notify` for the status controller; a no-op where notifications are unsupported. */
export function createNotificationShower(options: { icon?: string; onClick(): void }): (n: DownNotification) => void {
  if (!Notification.isSupported()) return () => {};
  return (n) => {
    const note = new Notification({
      title: n.title,
      body: n.body,
      silent: true,
      ...(options.icon !== undefined && { icon: options.icon }),
    });
    note.on('click', () => options.onClick());
    note.show();
  };
}
