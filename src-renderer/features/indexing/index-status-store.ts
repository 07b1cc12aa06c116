import { create } from 'zustand';
import type { IndexStatus } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';

interface IndexStatusState {
  /** Undefined until the first answer. */
  status: IndexStatus | undefined;
  error: CairnError | undefined;
  /** A pause or resume is on its way. */
  isSwitching: boolean;
  /** Why the last pause or resume failed. */
  switchError: CairnError | undefined;
  load(): Promise<void>;
  /** The `index.progress` event carries the whole status. */
  apply(status: IndexStatus): void;
  /** Pauses or resumes background indexing (kept across restarts). */
  setPaused(paused: boolean): Promise<void>;
}

export const useIndexStatusStore = create<IndexStatusState>()((set, get) => {
  // An event that arrives while the first request is in flight is newer than its answer.
  let hasEvent = false;
  return {
    status: undefined,
    error: undefined,
    isSwitching: false,
    switchError: undefined,

    async load() {
      hasEvent = false;
      try {
        const status = await api['index.status']({});
        if (!hasEvent) set({ status, error: undefined });
      } catch (error) {
        set({ error: toCairnError(error) });
      }
    },

    apply(status) {
      hasEvent = true;
      set({ status, error: undefined });
    },

    async setPaused(paused) {
      if (get().isSwitching) return;
      set({ isSwitching: true });
      try {
        const status = await api[paused ? 'index.pause' : 'index.resume']({});
        hasEvent = true;
        set({ status, switchError: undefined });
      } catch (error) {
        set({ switchError: toCairnError(error) });
      } finally {
        set({ isSwitching: false });
      }
    },
  };
});

/** True when meaning search cannot run at all (not merely catching up). */
export function isMeaningUnavailable(status: IndexStatus | undefined): boolean {
  return status?.state === 'unavailable';
}

/** Thoughts that have no vector yet: what a pause keeps waiting. */
export function waitingCount(status: IndexStatus): number {
  return Math.max(0, status.total - status.embedded);
}
