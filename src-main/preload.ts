import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, type CairnBridge, type TransportResult } from '../src-shared/api';
import { eventNameList, operationNameList } from '../src-shared/names';

// Sandboxed bridge: exactly one method per contract operation plus `on`. Never exposes
// ipcRenderer or a generic invoke.

type CodedError = Error & { code: string; details?: Record<string, unknown> };

function toError(result: Extract<TransportResult<unknown>, { ok: false }>): CodedError {
  const error = new Error(result.error.message) as CodedError;
  error.code = result.error.code;
  if (result.error.details !== undefined) error.details = result.error.details;
  return error;
}

const operations = Object.fromEntries(
  operationNameList.map((operation) => [
    operation,
    async (input?: unknown) => {
      const result = (await ipcRenderer.invoke(ipcChannel.operation(operation), input ?? {})) as TransportResult<unknown>;
      if (!result.ok) throw toError(result);
      return result.value;
    },
  ]),
);

const knownEvents = new Set<string>(eventNameList);

const on: CairnBridge['on'] = (event, listener) => {
  if (!knownEvents.has(event)) throw new Error(`Unknown event "${String(event)}"`);
  const handler = (_event: Electron.IpcRendererEvent, name: string, payload: unknown) => {
    if (name === event) (listener as (payload: unknown) => void)(payload);
  };
  ipcRenderer.on(ipcChannel.event, handler);
  return () => {
    ipcRenderer.removeListener(ipcChannel.event, handler);
  };
};

contextBridge.exposeInMainWorld('cairn', { ...operations, on });
