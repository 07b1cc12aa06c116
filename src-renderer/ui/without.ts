/** A copy of `record` without `key` (for per-item busy and failure maps in stores). */
export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([name]) => name !== key));
}
