import type { ComponentType } from 'react';
import { pendingCountLabel, useSuggestionsStore } from '../features/suggestions/suggestions-store';
import { Timeline } from '../features/timeline/timeline';
import { useTimelineStore } from '../features/timeline/timeline-store';
import { lazyView, ViewLoading } from '../ui/lazy-view';
import { ViewTabs, type ViewTab } from '../ui/view-tabs';
import { goTo, type MainView } from './navigation';
import { usePaneStore, type Pane } from './pane-store';
import { GO_TO } from './shortcut-list';
import '../styles/panes.css';

// Views other than the stream load their code when first opened: first paint waits for none of them.
const SuggestionInbox = lazyView(() => import('../features/suggestions/suggestion-inbox'), (module) => module.SuggestionInbox);
const TasksView = lazyView(() => import('../features/tasks/tasks-view'), (module) => module.TasksView);
const InsightsView = lazyView(() => import('../features/insights/insights-view'), (module) => module.InsightsView);
const GoalsView = lazyView(() => import('../features/goals/goals-view'), (module) => module.GoalsView);
const SettingsView = lazyView(() => import('../features/settings/settings-view'), (module) => module.default);
const DiagnosticsView = lazyView(() => import('../features/diagnostics/diagnostics-view'), (module) => module.DiagnosticsView);

const PANE_VIEWS: Record<Exclude<Pane, 'thoughts'>, ComponentType> = {
  suggestions: SuggestionInbox,
  tasks: TasksView,
  insights: InsightsView,
  goals: GoalsView,
  settings: SettingsView,
  diagnostics: DiagnosticsView,
};

function PaneView({ pane }: { pane: Exclude<Pane, 'thoughts'> }) {
  const View = PANE_VIEWS[pane];
  return <View />;
}

const PANEL_ID = 'main-panel';

/** The stream, archive and trash, and the other views (suggestions, tasks, insights, goals, settings, diagnostics), as tabs. */
export function MainViews() {
  const pane = usePaneStore((state) => state.pane);
  const view = useTimelineStore((state) => state.view);
  const current: MainView = pane === 'thoughts' ? view : pane;
  const pendingCount = useSuggestionsStore((state) => state.inbox.length);
  const hasMorePending = useSuggestionsStore((state) => state.nextCursor !== null);
  const pending = pendingCount === 0 ? undefined : pendingCountLabel(pendingCount, hasMorePending);

  const tabs: readonly ViewTab<MainView>[] = GO_TO.map(({ view, label }) =>
    view === 'suggestions' ? { view, label, badge: pending, badgeLabel: pending === undefined ? undefined : 'waiting' } : { view, label },
  );

  return (
    <section className="timeline" aria-label="Timeline">
      <ViewTabs tabs={tabs} current={current} panelId={PANEL_ID} onSelect={goTo} />
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={`tab-${current}`} className="timeline-panel">
        <ViewLoading>{pane === 'thoughts' ? <Timeline /> : <PaneView pane={pane} />}</ViewLoading>
      </div>
    </section>
  );
}
