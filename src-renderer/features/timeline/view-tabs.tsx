import { useRef, type KeyboardEvent } from 'react';
import type { ThoughtView } from '../../../src-shared/contract';

const VIEWS: readonly { view: ThoughtView; label: string }[] = [
  { view: 'active', label: 'Stream' },
  { view: 'archived', label: 'Archive' },
  { view: 'trash', label: 'Trash' },
];

/** ARIA tabs: one Tab stop, arrow keys move between views. */
export function ViewTabs({ current, onSelect }: { current: ThoughtView; onSelect(view: ThoughtView): void }) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = VIEWS.findIndex((entry) => entry.view === current);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = VIEWS[(index + step + VIEWS.length) % VIEWS.length];
    if (next === undefined) return;
    onSelect(next.view);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-view="${next.view}"]`)?.focus();
  }

  return (
    <div className="view-tabs" role="tablist" aria-label="Views" ref={listRef} onKeyDown={onKeyDown}>
      {VIEWS.map(({ view, label }) => (
        <button
          key={view}
          type="button"
          role="tab"
          id={`tab-${view}`}
          data-view={view}
          aria-selected={view === current}
          aria-controls="timeline-panel"
          tabIndex={view === current ? 0 : -1}
          className="view-tab"
          onClick={() => onSelect(view)}
        >
          {label}
        </button>
      ))}
    </div>
  );
}
