import type { SerializedError } from './errors';
import type { CairnApi, OperationName, OperationOutput } from './contract';
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

/**
 * What the preload actually exposes as `window.cairn`: one method per operation that always
 * resolves, with failures as values. contextBridge copies only the message of a rejected Error,
 * so a thrown `code` would be lost; the renderer's IPC client turns `ok: false` back into a throw.
 */
export type PreloadBridge = {
  [K in OperationName]: (input?: unknown) => Promise<TransportResult<OperationOutput<K>>>;
} & { on: Subscribe };
