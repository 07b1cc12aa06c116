/**
 * Background work shares the main thread with captures, searches and the UI's requests, so it
 * runs in short synchronous slices that take turns through one gate:
 * - never inside the caller's turn, and at most one slice per turn of the event loop, so a
 *   capture arriving over IPC or HTTP waits for one slice at most, not one per background task;
 * - all slices together use at most `share` of the main thread: after a slice of d ms the next
 *   one waits d × (1 − share) / share. An import's analysis then takes longer, but the thread is
 *   free most of the time a capture arrives (bench/FINDINGS.md: capture while indexing).
 */
export interface BackgroundTurns {
  /** Runs `work` (synchronous, a few milliseconds at most) when the gate lets it; its result. */
  slice<T>(work: () => T): Promise<T>;
}

/** Measured on 2 cores while a 100k import is indexed (bench/FINDINGS.md). */
export const DEFAULT_SHARE = 0.4;

export function createBackgroundTurns(options: { share?: number } = {}): BackgroundTurns {
  const share = Math.min(1, Math.max(0.05, options.share ?? DEFAULT_SHARE));
  const waiting: (() => void)[] = [];
  let scheduled = false;
  let notBefore = 0;

  function pump(): void {
    if (scheduled || waiting.length === 0) return;
    scheduled = true;
    const release = () => {
      scheduled = false;
      waiting.shift()?.();
    };
    const wait = notBefore - performance.now();
    // Timers wait at least 1 ms: a slice shorter than that is followed by a longer rest.
    if (wait > 0) setTimeout(release, wait);
    else setImmediate(release);
  }

  return {
    slice<T>(work: () => T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        waiting.push(() => {
          const start = performance.now();
          try {
            resolve(work());
          } catch (error) {
            reject(error instanceof Error ? error : new Error(String(error)));
          } finally {
            const end = performance.now();
            notBefore = end + ((end - start) * (1 - share)) / share;
            pump();
          }
        });
        pump();
      });
    },
  };
}
