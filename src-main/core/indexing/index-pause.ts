import type { SettingsService } from '../settings/settings-service';

/**
 * Queue kinds that are indexing: reading a thought for type, tags and tasks. (Vectors are not
 * queue jobs the runner takes: the index service claims `embed` jobs itself and stops on its own.)
 */
const PAUSABLE_KINDS: ReadonlySet<string> = new Set(['analyze']);

/**
 * Whether the person paused background indexing. The setting `indexingPaused` is the truth, so a
 * pause survives a restart; this keeps a copy for the job runner, which asks on every claim.
 */
export function createIndexPause(settings: SettingsService) {
  let paused = settings.get().indexingPaused;
  const listeners = new Set<(paused: boolean) => void>();

  /** Takes up the stored setting, and tells the workers when it changed. */
  function sync(): void {
    const next = settings.get().indexingPaused;
    if (next === paused) return;
    paused = next;
    for (const listener of listeners) listener(paused);
  }

  return {
    isPaused: (): boolean => paused,
    /** Whether the job runner leaves jobs of this kind waiting. */
    holds: (kind: string): boolean => paused && PAUSABLE_KINDS.has(kind),
    sync,
    /** Called after each change; returns the unsubscribe. */
    onChange(listener: (paused: boolean) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export type IndexPause = ReturnType<typeof createIndexPause>;
