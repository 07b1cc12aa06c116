import { create } from 'zustand';
import type { IndexStatus } from '../../../src-shared/contract';
import { api } from '../../api/client';
import { toCairnError, type CairnError } from '../../api/errors';

interface IndexStatusState {
  /** Undefined until the first answer. */
  status: IndexStatus | undefined;
  error: CairnError | undefined;
  load(): Promise<void>;
  /** The `index.progress` event carries the whole status. */
  apply(status: IndexStatus): void;
}

export const useIndexStatusStore = create<IndexStatusState>()((set) => {
  // An event that arrives while the first request is in flight is newer than its answer.
  let hasEvent = false;
  return {
    status: undefined,
    error: undefined,

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
  };
});

/** True when meaning search cannot run at all (not merely catching up). */
export function isMeaningUnavailable(status: IndexStatus | undefined): boolean {
  return status?.state === 'unavailable';
}
