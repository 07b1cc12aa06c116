import { useEffect, useState } from 'react';
import { ErrorMessage } from '../../ui/error-message';
import { ViewTabs, type ViewTab } from '../../ui/view-tabs';
import { QuickAdd } from './quick-add';
import { dayKey } from './task-format';
import { TaskList } from './task-list';
import { taskAdvice, useTasksStore, type TaskSegment } from './tasks-store';
import './tasks.css';

const SEGMENTS: readonly ViewTab<TaskSegment>[] = [
  { view: 'today', label: 'Today' },
  { view: 'upcoming', label: 'Upcoming' },
  { view: 'goal', label: 'By goal' },
  // Tasks without a date (many suggestions have none) live here.
  { view: 'all', label: 'All' },
];

const PANEL_ID = 'tasks-panel';
const PLACEHOLDER_ROWS = 4;

const EMPTY_TEXT: Record<TaskSegment, string> = {
  today:
    'Nothing due today. Add a task above: it is due today unless you pick another day. Any task with a due date shows up here on its day, and stays until it is done.',
  upcoming: 'Nothing coming up. Tasks due after today show here in date order; add one above (it is due tomorrow unless you pick another day).',
  goal: 'No tasks for this goal yet. Add one above, or let Cairn break the goal into a plan under Goals.',
  all: 'No open tasks. Add one above, with or without a date; accepted suggestions and goal plans add theirs here too.',
};

/** Re-reads the clock each minute, so a task turns overdue while the list is open. */
function useMinute(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 60_000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

function GoalPicker() {
  const goals = useTasksStore((state) => state.goals);
  const goalId = useTasksStore((state) => state.goalId);
  const chooseGoal = useTasksStore((state) => state.chooseGoal);
  if (goals.length === 0) return null;
  return (
    <div className="task-field task-goal-picker">
      <label htmlFor="task-goal">Goal</label>
      <select id="task-goal" value={goalId} onChange={(event) => void chooseGoal(event.target.value)}>
        {goals.map((goal) => (
          <option key={goal.id} value={goal.id}>
            {goal.title} ({goal.progress.done}/{goal.progress.total} done)
          </option>
        ))}
      </select>
    </div>
  );
}

function KeyHints() {
  return (
    <p className="task-keys">
      <kbd>↑</kbd> <kbd>↓</kbd> move · <kbd>Space</kbd> done · <kbd>Enter</kbd> edit · <kbd>Alt</kbd>+<kbd>↑</kbd>/<kbd>↓</kbd> reorder ·{' '}
      <kbd>Alt</kbd>+<kbd>→</kbd>/<kbd>←</kbd> make or undo a subtask · <kbd>→</kbd>/<kbd>←</kbd> show or hide subtasks · <kbd>Delete</kbd> delete
    </p>
  );
}

/** Tasks: what is due today, what comes next, and each goal's plan; keyboard first. */
export function TasksView() {
  const segment = useTasksStore((state) => state.segment);
  const items = useTasksStore((state) => state.items);
  const hasLoaded = useTasksStore((state) => state.hasLoaded);
  const hasMore = useTasksStore((state) => state.hasMore);
  const error = useTasksStore((state) => state.error);
  const actionError = useTasksStore((state) => state.actionError);
  const announcement = useTasksStore((state) => state.announcement);
  const goals = useTasksStore((state) => state.goals);
  const goalId = useTasksStore((state) => state.goalId);
  const show = useTasksStore((state) => state.show);
  const load = useTasksStore((state) => state.load);
  const now = useMinute();
  const timeZone = useTasksStore((state) => state.timeZone);
  const today = useTasksStore((state) => state.today);
  const isNewDay = hasLoaded && dayKey(new Date(now).toISOString(), timeZone) !== today;
  const hasNoGoals = segment === 'goal' && hasLoaded && goals.length === 0;
  const goalTitle = segment === 'goal' ? goals.find((goal) => goal.id === goalId)?.title : undefined;

  useEffect(() => {
    void load();
  }, [load]);

  // Past midnight, "today" and "overdue" mean other tasks: ask again.
  useEffect(() => {
    if (isNewDay) void load();
  }, [isNewDay, load]);

  return (
    <div className="pane-view tasks-view">
      <ViewTabs label="Task lists" tabs={SEGMENTS} current={segment} panelId={PANEL_ID} onSelect={(next) => void show(next)} />
      <div id={PANEL_ID} role="tabpanel" aria-labelledby={`tab-${segment}`} className="tasks-panel">
        {segment === 'goal' && <GoalPicker />}
        {!hasNoGoals && <QuickAdd key={`${segment}-${goalId ?? ''}`} segment={segment} goalTitle={goalTitle} />}
        <KeyHints />
        {/* Always there and always one line high: what just happened, without moving the list. */}
        <p className="task-status" aria-live="polite">
          {announcement}
        </p>
        {error !== undefined && <ErrorMessage error={error} />}
        {actionError !== undefined && <ErrorMessage error={actionError} advice={taskAdvice(actionError)} />}
        {!hasLoaded ? (
          <ul className="task-list" aria-label="Tasks" aria-busy="true">
            {Array.from({ length: PLACEHOLDER_ROWS }, (_, index) => (
              <li key={index} className="task task-placeholder" aria-hidden="true">
                <div className="task-line" />
              </li>
            ))}
          </ul>
        ) : hasNoGoals ? (
          <p className="pane-empty">No goals yet. Create one under Goals; its tasks then show here in the order of its plan, and you can add more.</p>
        ) : items.length === 0 ? (
          <p className="pane-empty">{EMPTY_TEXT[segment]}</p>
        ) : (
          <TaskList items={items} now={now} />
        )}
        {hasMore && <p className="muted">Showing the first 500 tasks of this list.</p>}
      </div>
    </div>
  );
}
