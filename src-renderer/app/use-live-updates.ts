import { useEffect } from 'react';
import { api } from '../api/client';
import { useSearchStore } from '../features/search/search-store';
import { useThoughtStore } from '../features/thought/thought-store';
import { useTimelineStore } from '../features/timeline/timeline-store';

/** Thoughts changed here, in another window, the CLI or a phone: every view catches up. */
export function useLiveUpdates(): void {
  useEffect(
    () =>
      api.on('thoughts.changed', (change) => {
        void useTimelineStore.getState().applyChange(change);
        void useThoughtStore.getState().refreshIfShown(change.ids);
        useSearchStore.getState().refresh();
      }),
    [],
  );
}
