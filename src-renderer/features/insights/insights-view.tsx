import { useEffect, useRef } from 'react';
import type { CheckSchedule } from '../../../src-shared/contract';
import { ErrorMessage } from '../../ui/error-message';
import { InsightCard } from './insight-card';
import { useInsightsStore } from './insights-store';
import { formatWhen } from '../../ui/format-time';
import { RunSummary, sentLine } from './run-summary';
import './insights.css';

const clock = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

function scheduleLine(schedule: CheckSchedule | undefined): string {
  if (schedule === undefined) return '';
  if (!schedule.enabled) return 'Scheduled checks are off. You can still check now.';
  const next = schedule.nextDueAt === null ? '' : ` Next one around ${clock.format(new Date(schedule.nextDueAt))}`;
  const quiet = schedule.quiet ? ', when quiet hours end' : '';
  return `Cairn checks your recent thoughts every ${schedule.intervalMinutes} minutes when there is something new.${next}${quiet}.`;
}

/** Insights view: run a check, see the latest run, and the cards it produced with their evidence. */
export function InsightsView() {
  const insights = useInsightsStore((state) => state.insights);
  const runs = useInsightsStore((state) => state.runs);
  const schedule = useInsightsStore((state) => state.schedule);
  const hasLoaded = useInsightsStore((state) => state.hasLoaded);
  const error = useInsightsStore((state) => state.error);
  const runError = useInsightsStore((state) => state.runError);
  const runningId = useInsightsStore((state) => state.runningId);
  const notice = useInsightsStore((state) => state.notice);
  const load = useInsightsStore((state) => state.load);
  const runNow = useInsightsStore((state) => state.runNow);
  const cancel = useInsightsStore((state) => state.cancel);
  const latest = runs[0];
  const isRunning = runningId !== undefined && latest?.id === runningId && latest.status === 'running';
  const checkRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="pane-view insights-view">
      <div className="pane-header">
        <p className="pane-intro">{scheduleLine(schedule)}</p>
        {isRunning ? (
          <button ref={checkRef} type="button" className="button" onClick={() => void cancel()}>
            Cancel check
          </button>
        ) : (
          <button ref={checkRef} type="button" className="button button-primary" onClick={() => void runNow()}>
            Check now
          </button>
        )}
      </div>
      <p className="pane-notice" aria-live="polite">
        {notice}
      </p>
      {runError !== undefined && <ErrorMessage error={runError} />}
      {error !== undefined && <ErrorMessage error={error} />}
      {latest !== undefined && <RunSummary run={latest} />}
      {runs.length > 1 && (
        <details className="run-history">
          <summary>Earlier checks</summary>
          <ul>
            {runs.slice(1).map((run) => (
              <li key={run.id}>
                <time dateTime={run.createdAt}>{formatWhen(run.createdAt)}</time> · {run.status}
                {run.error !== null ? ` (${run.error.message})` : ` · ${sentLine(run)}`}
              </li>
            ))}
          </ul>
        </details>
      )}
      {!hasLoaded ? (
        <p className="muted">Loading…</p>
      ) : insights.length === 0 ? (
        <p className="pane-empty">
          No insights yet. Each check reads what you captured since the last one and points out recurring themes, open questions,
          stalled or overdue tasks and the rhythm of your writing, each with the thoughts it rests on.
        </p>
      ) : (
        <ul className="card-list" aria-label="Insights">
          {insights.map((insight) => (
            <InsightCard key={insight.id} insight={insight} focusFallback={() => checkRef.current} />
          ))}
        </ul>
      )}
    </div>
  );
}
