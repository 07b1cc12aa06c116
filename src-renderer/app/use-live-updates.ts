import { useEffect } from 'react';
import { api } from '../api/client';
import { useGoalsStore } from '../features/goals/goals-store';
import { useIndexStatusStore } from '../features/indexing/index-status-store';
import { useInsightsStore } from '../features/insights/insights-store';
import { useSearchStore } from '../features/search/search-store';
import { useSuggestionsStore } from '../features/suggestions/suggestions-store';
import { useRelatedStore } from '../features/thought/related-store';
import { useThoughtStore } from '../features/thought/thought-store';
import { useTimelineStore } from '../features/timeline/timeline-store';
import { useTasksStore } from '../features/tasks/tasks-store';
import { usePreferencesStore } from './preferences-store';

/**
 * Thoughts changed here, in another window, the CLI or a phone; Cairn indexed or analysed them
 * in the background: every view catches up. Subscribes first and loads after, so nothing that
 * happens in between is missed.
 */
export function useLiveUpdates(): void {
  useEffect(() => {
    const unsubscribes = [
      api.on('thoughts.changed', (change) => {
        void useTimelineStore.getState().applyChange(change);
        void useThoughtStore.getState().refreshIfShown(change.ids);
        void useSuggestionsStore.getState().applyThoughtsChange(change.ids);
        useRelatedStore.getState().refreshSoon();
        useSearchStore.getState().refresh();
        // No ids: the stream reconnected after a drop and progress events may have been missed.
        if (change.ids.length === 0) void useIndexStatusStore.getState().load();
      }),
      api.on('index.progress', (status) => {
        useIndexStatusStore.getState().apply(status);
        useRelatedStore.getState().refreshSoon();
      }),
      api.on('suggestions.changed', (change) => {
        void useSuggestionsStore.getState().applyChange(change.thoughtIds);
      }),
      api.on('checks.changed', () => void useInsightsStore.getState().refresh()),
      api.on('insights.changed', () => void useInsightsStore.getState().refresh()),
      api.on('goals.changed', () => {
        void useGoalsStore.getState().refresh();
        // Goal titles and progress in "By goal".
        void useTasksStore.getState().refresh();
      }),
      api.on('tasks.changed', () => {
        void useGoalsStore.getState().refresh();
        void useTasksStore.getState().refresh();
      }),
      // The tray, another window or Settings changed something: theme, hotkey, checks on or off.
      api.on('settings.changed', () => void usePreferencesStore.getState().load()),
    ];
    void usePreferencesStore.getState().load();
    void useIndexStatusStore.getState().load();
    void useSuggestionsStore.getState().loadInbox();
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe();
    };
  }, []);
}
