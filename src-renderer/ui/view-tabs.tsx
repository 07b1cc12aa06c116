import { useRef, type KeyboardEvent } from 'react';

export interface ViewTab<View extends string> {
  view: View;
  label: string;
  /** A quiet count after the label ("Suggestions 3"), seen… */
  badge?: string;
  /** …and heard after it as part of the tab's name ("Suggestions 3 waiting"). */
  badgeLabel?: string;
}

/** ARIA tabs: one Tab stop, arrow keys (and Home/End) move between views. */
export function ViewTabs<View extends string>({
  tabs,
  current,
  panelId,
  onSelect,
  label: listLabel = 'Views',
}: {
  tabs: readonly ViewTab<View>[];
  current: View;
  panelId: string;
  onSelect(view: View): void;
  /** The tab list's name, when there is more than one on the page. */
  label?: string;
}) {
  const listRef = useRef<HTMLDivElement>(null);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((entry) => entry.view === current);
    const steps: Partial<Record<string, number>> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: tabs.length - 1 };
    const target = steps[event.key];
    if (target === undefined) return;
    event.preventDefault();
    const next = tabs[(target + tabs.length) % tabs.length];
    if (next === undefined) return;
    onSelect(next.view);
    listRef.current?.querySelector<HTMLButtonElement>(`[data-view="${next.view}"]`)?.focus();
  }

  return (
    <div className="view-tabs" role="tablist" aria-label={listLabel} ref={listRef} onKeyDown={onKeyDown}>
      {tabs.map(({ view, label, badge, badgeLabel }) => (
        <button
          key={view}
          type="button"
          role="tab"
          id={`tab-${view}`}
          data-view={view}
          aria-selected={view === current}
          aria-controls={panelId}
          tabIndex={view === current ? 0 : -1}
          className="view-tab"
          onClick={() => onSelect(view)}
        >
          {label}
          {badge !== undefined && (
            <>
              {' '}
              {/* Heard as "Suggestions 3 waiting": the visible words first, as axe's label-content rule wants. */}
              <span className="count-badge">{badge}</span>
              {badgeLabel !== undefined && <span className="visually-hidden"> {badgeLabel}</span>}
            </>
          )}
        </button>
      ))}
    </div>
  );
}
