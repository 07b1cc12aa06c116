import type { Database } from '../db/open-database';
import type { Logger } from '../logger';
import type { EventBus } from './event-bus';

const POLL_MS = 1_000;

/**
 * PRAGMA data_version changes only when another connection commits, so a cheap poll tells the
 * UI about thoughts added by the CLI or another client without watching files.
 */
export function watchExternalChanges(db: Database, bus: EventBus, logger: Logger): () => void {
  const read = () => Number(db.sqlite.pragma('data_version', { simple: true }));
  let last = read();
  const timer = setInterval(() => {
    try {
      if (!db.sqlite.open) return;
      const current = read();
      if (current !== last) {
        last = current;
        bus.emit('thoughts.changed', { ids: [], reason: 'external' });
      }
    } catch (error) {
      logger.warn('events.external_poll_failed', { error: String(error) });
    }
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
