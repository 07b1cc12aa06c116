import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannel, type PreloadBridge } from '../src-shared/api';
import { eventNameList, operationNameList } from '../src-shared/names';

// Sandboxed bridge: exactly one method per contract operation plus `on`. Never exposes
// ipcRenderer or a generic invoke.

// Results cross as plain values ({ ok, value | error }); see PreloadBridge for why.

const operations = Object.fromEntries(
  operationNameList.map((operation) => [
    operation,
    (input?: unknown): Promise<unknown> => ipcRenderer.invoke(ipcChannel.operation(operation), input ?? {}),
  ]),
);

const knownEvents = new Set<string>(eventNameList);

const on: PreloadBridge['on'] = (event, listener) => {
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
