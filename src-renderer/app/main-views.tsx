import type { ThoughtView } from '../../src-shared/contract';
import { SuggestionInbox } from '../features/suggestions/suggestion-inbox';
import { pendingCountLabel, useSuggestionsStore } from '../features/suggestions/suggestions-store';
import { Timeline } from '../features/timeline/timeline';
import { useTimelineStore } from '../features/timeline/timeline-store';
import { ViewTabs, type ViewTab } from '../ui/view-tabs';
import { GoalsView } from '../features/goals/goals-view';
import { InsightsView } from '../features/insights/insights-view';
import { AiSettings } from '../features/settings/ai-settings';
import { usePaneStore, type Pane } from './pane-store';
import '../styles/panes.css';

type OtherPane = Exclude<Pane, 'thoughts'>;
type MainView = ThoughtView | OtherPane;
const OTHER_PANES: readonly string[] = ['suggestions', 'insights', 'goals', 'settings'] satisfies OtherPane[];

function isOtherPane(view: MainView): view is OtherPane {
  return OTHER_PANES.includes(view);
}

const PANEL_ID = 'main-panel';

/** The stream, archive and trash, the suggestions inbox, insights, goals and settings, as tabs. */
export function MainViews() {
  const pane = usePaneStore((state) => state.pane);
  const showPane = usePaneStore((state) => state.show);
  const view = useTimelineStore((state) => state.view);
  const showView = useTimelineStore((state) => state.showView);
  const current: MainView = pane === 'thoughts' ? view : pane;
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
      badgeLabel: pending === undefined ? undefined : 'waiting',
    },
    { view: 'insights', label: 'Insights' },
    { view: 'goals', label: 'Goals' },
    { view: 'settings', label: 'Settings' },
  ];

  function select(next: MainView): void {
    if (isOtherPane(next)) {
      showPane(next);
      return;
    }
    showPane('thoughts');
    showView(next);
  }

  return (
    <section className="timeline" aria-label="Timeline">
      <ViewTabs tabs={tabs} current={current} panelId={PANEL_ID} onSelect={select} />
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={`tab-${current}`} className="timeline-panel">
        {pane === 'suggestions' ? (
          <SuggestionInbox />
        ) : pane === 'insights' ? (
          <InsightsView />
        ) : pane === 'goals' ? (
          <GoalsView />
        ) : pane === 'settings' ? (
          <AiSettings />
        ) : (
          <Timeline />
        )}
      </div>
    </section>
  );
}
