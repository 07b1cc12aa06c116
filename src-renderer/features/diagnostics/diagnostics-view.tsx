import { useEffect, useId, useRef } from 'react';
import { ErrorMessage } from '../../ui/error-message';
import { AboutSection, ErrorsSection, IndexingSection, ModelSection, ProvidersSection, QueueSection, StorageSection } from './diagnostics-sections';
import { useDiagnosticsStore } from './diagnostics-store';
import './diagnostics.css';

/**
 * What Cairn is doing on this computer: storage, indexing, the queue, the model, the AI backends
 * and recent problems. Read when opened and on Refresh; "Copy report" puts it all, as plain text
 * without any thought, on the clipboard for a bug report.
 */
export function DiagnosticsView() {
  const report = useDiagnosticsStore((state) => state.report);
  const isLoading = useDiagnosticsStore((state) => state.isLoading);
  const error = useDiagnosticsStore((state) => state.error);
  const notice = useDiagnosticsStore((state) => state.notice);
  const manualCopy = useDiagnosticsStore((state) => state.manualCopy);
  const load = useDiagnosticsStore((state) => state.load);
  const copyReport = useDiagnosticsStore((state) => state.copyReport);
  const headingId = useId();
  const manualRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (manualCopy === undefined) return;
    manualRef.current?.focus();
    manualRef.current?.select();
  }, [manualCopy]);

  return (
    <div className="pane-view diagnostics-view">
      <section aria-labelledby={headingId} aria-busy={isLoading}>
        <div className="pane-header">
          <h2 id={headingId}>Diagnostics</h2>
          <div className="card-actions">
            <button type="button" className="button button-small" disabled={isLoading} onClick={() => void load()}>
              {isLoading ? 'Refreshing…' : 'Refresh'}
            </button>
            <button type="button" className="button button-small" disabled={report === undefined} onClick={() => void copyReport()}>
              Copy report
            </button>
          </div>
        </div>
        <p className="pane-intro">
          What Cairn is doing on this computer. The report holds paths, counts and states — never what you wrote — so it is safe to share when
          asking for help.
        </p>
        <p className="pane-notice" aria-live="polite">
          {notice}
        </p>
        {error !== undefined && <ErrorMessage error={error} />}
        {manualCopy !== undefined && (
          <textarea ref={manualRef} className="diagnostics-manual-copy" readOnly rows={10} aria-label="Diagnostics report" value={manualCopy} />
        )}
        {report === undefined ? (
          error === undefined && <p className="muted">Loading…</p>
        ) : (
          <div className="diagnostics-sections">
            <StorageSection report={report} />
            <IndexingSection report={report} />
            <QueueSection report={report} />
            <ModelSection report={report} />
            <ProvidersSection report={report} />
            <ErrorsSection report={report} />
            <AboutSection report={report} />
          </div>
        )}
      </section>
    </div>
  );
}
