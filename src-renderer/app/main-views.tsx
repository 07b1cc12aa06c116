import type { ThoughtView } from '../../src-shared/contract';
import { SuggestionInbox } from '../features/suggestions/suggestion-inbox';
import { pendingCountLabel, useSuggestionsStore } from '../features/suggestions/suggestions-store';
import { Timeline } from '../features/timeline/timeline';
import { useTimelineStore } from '../features/timeline/timeline-store';
import { ViewTabs, type ViewTab } from '../ui/view-tabs';
import { usePaneStore } from './pane-store';

type MainView = ThoughtView | 'suggestions';

const PANEL_ID = 'main-panel';

/** The stream, archive and trash, and the inbox of task suggestions beside them, as tabs. */
export function MainViews() {
  const pane = usePaneStore((state) => state.pane);
  const showPane = usePaneStore((state) => state.show);
  const view = useTimelineStore((state) => state.view);
  const showView = useTimelineStore((state) => state.showView);
  const current: MainView = pane === 'suggestions' ? 'suggestions' : view;
  const pendingCount = useSuggestionsStore((state) => state.inbox.length);
  const hasMorePending = useSuggestionsStore((state) => state.nextCursor !== null);
  const pending = pendingCount === 0 ? undefined : pendingCountLabel(pendingCount, hasMorePending);

  const tabs: readonly ViewTab<MainView>[] = [
    { view: 'active', label: 'Stream' },
    { view: 'archived', label: 'Archive' },
    { view: 'trash', label: 'Trash' },
    {
      view: 'suggestions',
      label: 'Suggestions',
      badge: pending,
      badgeLabel: pending === undefined ? undefined : `${pending} waiting`,
    },
  ];

  function select(next: MainView): void {
    if (next === 'suggestions') {
      showPane('suggestions');
      return;
    }
    showPane('thoughts');
    showView(next);
  }

  return (
    <section className="timeline" aria-label="Timeline">
      <ViewTabs tabs={tabs} current={current} panelId={PANEL_ID} onSelect={select} />
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={`tab-${current}`} className="timeline-panel">
        {pane === 'suggestions' ? <SuggestionInbox /> : <Timeline />}
      </div>
    </section>
  );
}
