import type { CheckRun } from '../../../src-shared/contract';
import { formatWhen } from '../../ui/format-time';

const NAMES = { ollama: 'Ollama', claude: 'Claude', offline: 'the offline mind' } as const;

/** Where the run's words went, in one sentence: the privacy promise made visible. */
export function sentLine(run: CheckRun): string {
  const remote = run.requests.filter((request) => request.remote && request.status !== 'running');
  if (remote.length > 0) {
    const count = Math.max(...remote.map((request) => request.thoughtCount));
    const provider = NAMES[remote[0]!.provider];
    return `This check sent ${count} thought${count === 1 ? '' : 's'} to ${provider}${run.costUsd > 0 ? ` (about $${run.costUsd.toFixed(run.costUsd < 0.01 ? 4 : 2)})` : ''}.`;
  }
  if (run.provider === 'ollama') return `Ran on this computer with Ollama${run.model === null ? '' : ` (${run.model})`}: nothing left it.`;
  if (run.provider === 'offline') return 'Ran offline: nothing left this computer.';
  return 'Nothing was sent anywhere.';
}

const STATUS: Record<CheckRun['status'], string> = {
  running: 'Checking…',
  succeeded: 'Done',
  failed: 'Failed',
  cancelled: 'Cancelled',
};

/** The latest check: when, on what, what it sent, what it had to skip, and why it failed. */
export function RunSummary({ run }: { run: CheckRun }) {
  return (
    <section className="run-summary" aria-label="Latest check" data-status={run.status}>
      <p className="run-headline">
        <strong>{STATUS[run.status]}</strong> · {run.trigger === 'manual' ? 'checked on request' : run.trigger === 'catch_up' ? 'catch-up check' : 'scheduled check'}{' '}
        <time dateTime={run.createdAt}>{formatWhen(run.createdAt)}</time>
        {run.status === 'succeeded' && ` · read ${run.inputCount} new thought${run.inputCount === 1 ? '' : 's'}, found ${run.insightCount}`}
      </p>
      {run.status !== 'running' && <p className="run-sent">{sentLine(run)}</p>}
      {run.error !== null && (
        <p role="alert" className="error-message">
          {run.error.message}
          {run.error.hint !== null && <span className="error-specifics"> {run.error.hint}</span>}
        </p>
      )}
      {run.notes.length > 0 && (
        <ul className="run-notes">
          {run.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
    </section>
  );
}
