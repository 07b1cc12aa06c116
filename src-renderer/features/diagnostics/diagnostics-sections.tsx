import { useId, type ReactNode } from 'react';
import type { Diagnostics } from '../../../src-shared/contract';
import { describePaused, PAUSED_NOTE } from '../indexing/index-format';
import { useIndexStatusStore, waitingCount } from '../indexing/index-status-store';
import {
  describeModel,
  describeProvider,
  formatBytes,
  formatCount,
  formatRate,
  formatUptime,
  kindName,
  PROVIDER_NAMES,
} from './diagnostics-format';
import { useDiagnosticsStore } from './diagnostics-store';
import { formatReportTime } from './report-time';

/** A titled group of facts: a heading, then term and value pairs. */
function Section({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const headingId = useId();
  return (
    <section className="card diagnostics-section" aria-labelledby={headingId}>
      <div className="diagnostics-section-head">
        <h3 id={headingId}>{title}</h3>
        {actions}
      </div>
      {children}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="diagnostics-fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** A path: long, unbroken, and meant to be selected and copied. */
function Path({ value }: { value: string }) {
  return <code className="diagnostics-path">{value}</code>;
}

export function StorageSection({ report }: { report: Diagnostics }) {
  const { storage } = report;
  return (
    <Section title="Storage">
      <dl>
        <Fact term="Data folder">
          <Path value={storage.dataFolder} />
        </Fact>
        <Fact term="Database">
          <Path value={storage.databasePath} />
        </Fact>
        <Fact term="Database size">
          {formatBytes(storage.databaseBytes + storage.walBytes)}
          {storage.walBytes > 0 && <span className="muted"> (including {formatBytes(storage.walBytes)} of recent changes not yet merged into the main file)</span>}
        </Fact>
        <Fact term="Log folder">{storage.logFolder === null ? <span className="muted">None: this process writes no log files.</span> : <Path value={storage.logFolder} />}</Fact>
      </dl>
    </Section>
  );
}

/** Pause state comes from the live index status (events), the rest from the report. */
export function IndexingSection({ report }: { report: Diagnostics }) {
  const status = useIndexStatusStore((state) => state.status);
  const isSwitching = useIndexStatusStore((state) => state.isSwitching);
  const setPaused = useDiagnosticsStore((state) => state.setPaused);
  const isPaused = status?.paused ?? report.indexing.paused;
  const waiting = status === undefined ? report.indexing.waiting : waitingCount(status);
  const { thoughts, indexing } = report;
  return (
    <Section
      title="Thoughts and indexing"
      actions={
        <button type="button" className="button button-small" aria-busy={isSwitching} onClick={() => void setPaused(!isPaused)}>
          {isPaused ? 'Resume indexing' : 'Pause indexing'}
        </button>
      }
    >
      <dl>
        <Fact term="Thoughts">
          {formatCount(thoughts.total)} <span className="muted">({formatCount(thoughts.inTrash)} more in the trash)</span>
        </Fact>
        <Fact term="With vectors">{formatCount(status?.embedded ?? thoughts.embedded)}</Fact>
        <Fact term="Indexing">
          {isPaused ? (
            <>
              {describePaused(waiting)}. <span className="muted">{PAUSED_NOTE}</span>
            </>
          ) : waiting === 0 ? (
            'Up to date'
          ) : (
            `Running, ${formatCount(waiting)} to go`
          )}
        </Fact>
        <Fact term="Rate">{formatRate(indexing.jobsPerMinute, indexing.rateWindowMinutes)}</Fact>
      </dl>
    </Section>
  );
}

export function QueueSection({ report }: { report: Diagnostics }) {
  const { queue } = report;
  return (
    <Section title="Background queue">
      {queue.kinds.length === 0 ? (
        <p className="muted">Nothing is waiting.</p>
      ) : (
        <table className="diagnostics-table">
          <thead>
            <tr>
              <th scope="col">Work</th>
              <th scope="col">Waiting</th>
              <th scope="col">Running</th>
              <th scope="col">Failed</th>
            </tr>
          </thead>
          <tbody>
            {queue.kinds.map((kind) => (
              <tr key={kind.kind}>
                <th scope="row">{kindName(kind.kind)}</th>
                <td>{formatCount(kind.pending)}</td>
                <td>{formatCount(kind.running)}</td>
                <td>{formatCount(kind.failed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Section>
  );
}

export function ModelSection({ report }: { report: Diagnostics }) {
  const model = report.embeddingModel;
  return (
    <Section title="Embedding model">
      <dl>
        <Fact term="Model">
          <Path value={model.revision === null ? model.id : `${model.id} (${model.revision})`} />
        </Fact>
        <Fact term="Status">
          <span className="diagnostics-state" data-state={model.state}>
            {describeModel(model)}
          </span>
        </Fact>
        {model.message !== null && <Fact term="What to do">{model.message}</Fact>}
      </dl>
    </Section>
  );
}

export function ProvidersSection({ report }: { report: Diagnostics }) {
  return (
    <Section title="AI backends">
      <ul className="card-list diagnostics-list" aria-label="AI backend health">
        {report.providers.map((provider) => (
          <li key={provider.id}>
            <div className="diagnostics-row">
              <span>{PROVIDER_NAMES[provider.id]}</span>
              <span className="diagnostics-state" data-state={provider.state}>
                {describeProvider(provider)}
              </span>
            </div>
            {provider.message !== null && <p className="muted">{provider.message}</p>}
            {provider.hint !== null && <p>{provider.hint}</p>}
          </li>
        ))}
      </ul>
    </Section>
  );
}

export function ErrorsSection({ report }: { report: Diagnostics }) {
  return (
    <Section title="Recent problems">
      {report.recentErrors.length === 0 ? (
        <p className="muted">No warnings or errors since Cairn started.</p>
      ) : (
        <ul className="card-list diagnostics-list" aria-label="Recent problems, newest first">
          {report.recentErrors.map((entry) => (
            <li key={`${entry.time}-${entry.event}`}>
              <div className="diagnostics-row">
                <time dateTime={entry.time} className="muted">
                  {formatReportTime(entry.time)}
                </time>
                {entry.count > 1 && <span className="muted">{formatCount(entry.count)} times</span>}
              </div>
              <p>{entry.message}</p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function AboutSection({ report }: { report: Diagnostics }) {
  const { app } = report;
  return (
    <Section title="About this copy of Cairn">
      <dl>
        <Fact term="Version">{app.version}</Fact>
        <Fact term="Database schema">{app.schemaVersion}</Fact>
        <Fact term="Running for">{formatUptime(app.uptimeMs)}</Fact>
        <Fact term="System">{app.platform}</Fact>
      </dl>
    </Section>
  );
}
