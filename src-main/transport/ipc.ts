import type { IpcMain, WebContents, WebFrameMain } from 'electron';
import { ipcChannel, type TransportResult } from '../../src-shared/api';
import { AppError } from '../../src-shared/errors';
import type { EventName, EventPayload } from '../../src-shared/events';
import { operationNameList } from '../../src-shared/names';
import type { Dispatcher } from '../core/dispatch';
import type { EventBus } from '../core/events/event-bus';

/**
 * The IPC door: one handler per contract operation, all through the dispatcher (input parsed,
 * errors serialized), and only for our own top-level frames (Electron security checklist #17).
 */
export function registerIpcHandlers(
  ipcMain: IpcMain,
  dispatcher: Dispatcher,
  isTrustedFrame: (frame: WebFrameMain | null) => boolean,
): () => void {
  for (const operation of operationNameList) {
    ipcMain.handle(ipcChannel.operation(operation), async (event, input: unknown): Promise<TransportResult<unknown>> => {
      if (!isTrustedFrame(event.senderFrame)) {
        return { ok: false, error: new AppError('forbidden', 'This window may not call Cairn.').toJSON() };
      }
      return dispatcher.dispatch(operation, input, { door: 'ipc' });
    });
  }
  return () => {
    for (const operation of operationNameList) ipcMain.removeHandler(ipcChannel.operation(operation));
  };
}

/** Sends every bus event to the given windows' renderers. */
export function forwardEvents(bus: EventBus, targets: () => WebContents[]): () => void {
  return bus.subscribe(<K extends EventName>(event: K, payload: EventPayload<K>) => {
    for (const contents of targets()) {
      if (!contents.isDestroyed()) contents.send(ipcChannel.event, event, payload);
    }
  });
}

/** A frame is ours when it is a top-level frame showing a page from the built renderer. */
export function createFrameCheck(rendererRoot: URL, devServer: string | undefined): (frame: WebFrameMain | null) => boolean {
  return (frame) => {
    if (frame === null || frame.parent !== null) return false;
    let url: URL;
    try {
      url = new URL(frame.url);
    } catch {
      return false;
    }
    if (devServer !== undefined && url.origin === new URL(devServer).origin) return true;
    return url.protocol === 'file:' && url.pathname.startsWith(rendererRoot.pathname);
  };
}
