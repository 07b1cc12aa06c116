import type { Clock } from '../clock';
import type { SettingsService } from './settings-service';

/**
 * The person's time zone: the setting, or the computer's. Asking Intl for the system zone costs
 * ~0.3 ms, so it is read again at most once a minute.
 */
export function createTimeZoneReader(settings: SettingsService, clock: Clock): () => string {
  let systemZone = { zone: '', readAt: -Infinity };
  return () => {
    const chosen = settings.get().timeZone;
    if (chosen !== null) return chosen;
    const now = clock.now();
    if (now - systemZone.readAt > 60_000) systemZone = { zone: Intl.DateTimeFormat().resolvedOptions().timeZone, readAt: now };
    return systemZone.zone;
  };
}
