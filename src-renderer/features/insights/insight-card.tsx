import { useId, useRef } from 'react';
import type { Insight } from '../../../src-shared/contract';
import { ErrorMessage } from '../../ui/error-message';
import { focusAfterRemoval } from '../../ui/focus-after-removal';
import { formatDue } from '../../ui/format-time';
import { thoughtHref } from '../timeline/thought-card';
import { useInsightsStore } from './insights-store';

const KIND: Record<Insight['kind'], string> = { pattern: 'Pattern', insight: 'Insight', suggestion: 'Suggestion' };

/** One finding with the thoughts it rests on; pin it, make it a task, or dismiss it. */
export function InsightCard({
  insight,
  focusFallback,
}: {
  insight: Insight;
  /** What to focus when this was the last card and it is dismissed. */
  focusFallback(): HTMLElement | null;
}) {
  const busy = useInsightsStore((state) => state.busy[insight.id]);
  const failure = useInsightsStore((state) => state.failures[insight.id]);
  const pin = useInsightsStore((state) => state.pin);
  const dismiss = useInsightsStore((state) => state.dismiss);
  const makeTask = useInsightsStore((state) => state.makeTask);
  const titleId = useId();
  const itemRef = useRef<HTMLLIElement>(null);
  const isBusy = busy !== undefined;

  /**
   * The buttons are disabled while waiting, which drops focus: put the keyboard back on the button
   * pressed or, once a task is made (its button gives way to "Task made"), on Dismiss.
   */
  function refocus(action: 'pin' | 'task' | 'dismiss'): void {
    requestAnimationFrame(() => {
      if (document.activeElement !== null && document.activeElement !== document.body) return;
      const card = itemRef.current;
      (card?.querySelector<HTMLElement>(`[data-action="${action}"]:not(:disabled)`) ?? card?.querySelector<HTMLElement>('[data-action="dismiss"]'))?.focus();
    });
  }

  async function onDismiss(): Promise<void> {
    const restoreFocus = focusAfterRemoval(itemRef.current, focusFallback);
    if (await dismiss(insight)) restoreFocus();
    else refocus('dismiss');
  }

  return (
    <li ref={itemRef} className="card insight" aria-labelledby={titleId} aria-busy={isBusy} data-insight-id={insight.id} data-kind={insight.kind}>
      <p className="card-label">
        {KIND[insight.kind]}
        {insight.pinned && <span className="insight-pinned"> · pinned</span>}
      </p>
      <h3 className="insight-title" id={titleId}>
        {insight.title}
      </h3>
      <p className="insight-body">{insight.body}</p>
      {insight.proposedTask !== null && (
        <p className="insight-task">
          Suggested task: {insight.proposedTask.title}
          {insight.proposedTask.dueAt !== null && ` (due ${formatDue(insight.proposedTask.dueAt, false)})`}
        </p>
      )}
      {insight.evidence.length > 0 && (
        <details className="insight-evidence">
          <summary>
            Based on {insight.evidence.length} thought{insight.evidence.length === 1 ? '' : 's'}
          </summary>
          <ul>
            {insight.evidence.map((item) => (
              <li key={item.thoughtId}>
                {item.excerpt === null ? (
                  <span className="muted">A thought you deleted</span>
                ) : (
                  <a href={thoughtHref(item.thoughtId)}>{item.excerpt}</a>
                )}
              </li>
            ))}
          </ul>
        </details>
      )}
      <div className="card-actions">
        <button type="button" className="button button-small" disabled={isBusy} aria-pressed={insight.pinned} data-action="pin" onClick={() => void pin(insight).then(() => refocus('pin'))}>
          {insight.pinned ? 'Unpin' : 'Pin'}
        </button>
        {insight.taskId === null ? (
          <button type="button" className="button button-small" disabled={isBusy} data-action="task" onClick={() => void makeTask(insight).then(() => refocus('task'))}>
            {busy === 'task' ? 'Making task…' : 'Make task'}
          </button>
        ) : (
          <span className="insight-made">Task made</span>
        )}
        <button type="button" className="button button-quiet button-small" disabled={isBusy} data-action="dismiss" onClick={() => void onDismiss()}>
          {busy === 'dismiss' ? 'Dismissing…' : 'Dismiss'}
        </button>
      </div>
      {failure !== undefined && <ErrorMessage error={failure} />}
    </li>
  );
}
