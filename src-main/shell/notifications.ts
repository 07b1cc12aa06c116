import { Notification } from 'electron';
import type { Core } from '../core/create-core';

/** A desktop notification when a check found something new, if the person allowed them. */
export function notifyNewInsights(core: Core, open: () => void): () => void {
  return core.bus.subscribe((event, payload) => {
    if (event !== 'checks.changed' || !Notification.isSupported()) return;
    const { status, newInsights } = payload as { status: string; newInsights: number };
    if (status !== 'succeeded' || newInsights === 0 || !core.settings.get().notifications) return;
    const notification = new Notification({
      title: 'Cairn noticed something',
      body: newInsights === 1 ? 'One new insight from your recent thoughts.' : `${newInsights} new insights from your recent thoughts.`,
      silent: true,
    });
    notification.on('click', open);
    notification.show();
  });
}
