/**
 * Resolves on a later turn of the event loop, after pending I/O and timers: background work
 * awaits it between units so a capture arriving over IPC or HTTP never waits for a whole batch.
 */
export function yieldTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
