import type { SerializedError } from './errors';
import type { CairnApi } from './contract';
import type { Subscribe } from './events';

/** What the preload exposes as `window.cairn` and what the HTTP client implements. */
export interface CairnBridge extends CairnApi {
  on: Subscribe;
}

/** IPC channel names, derived from operation names so preload and main cannot drift. */
export const ipcChannel = {
  operation: (name: string) => `cairn:op:${name}`,
  event: 'cairn:event',
} as const;

/** What crosses IPC: Electron mangles thrown errors, so failures travel as values. */
export type TransportResult<T> = { ok: true; value: T } | { ok: false; error: SerializedError };
