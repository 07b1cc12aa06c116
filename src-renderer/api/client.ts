import type { CairnBridge } from '../../src-shared/api';
import { createHttpClient } from './http-client';
import { createIpcClient } from './ipc-client';

type UnauthorizedListener = () => void;
const unauthorizedListeners = new Set<UnauthorizedListener>();

/** Lets the session feature hear that the server refused the token (HTTP door only). */
export function onUnauthorized(listener: UnauthorizedListener): () => void {
  unauthorizedListeners.add(listener);
  return () => unauthorizedListeners.delete(listener);
}

/** True inside Electron, where the preload already proves who we are. */
export const isDesktop = window.cairn !== undefined;

/**
 * The one client for this page, picked once at start: the preload bridge in Electron, HTTP in a
 * browser. Only stores and hooks import it.
 */
export const api: CairnBridge =
  window.cairn !== undefined
    ? createIpcClient(window.cairn)
    : createHttpClient({
        onUnauthorized: () => {
          for (const listener of unauthorizedListeners) listener();
        },
      });
