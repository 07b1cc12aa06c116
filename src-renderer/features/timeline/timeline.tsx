import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react';
import type { ThoughtView } from '../../../src-shared/contract';
import { ErrorMessage } from '../../ui/error-message';
import { Welcome } from '../welcome/welcome';
import { ThoughtCard } from './thought-card';
import { useTimelineStore } from './timeline-store';
import './timeline.css';

const ESTIMATED_ROW_PX = 96;
/** Start fetching the next page this many rows before the end, so scrolling rarely waits. */
const PREFETCH_ROWS = 10;

/** The stream's empty state is the welcome; these are the others'. */
const EMPTY_TEXT: Record<Exclude<ThoughtView, 'active'>, string> = {
  archived: 'Nothing archived. Archived thoughts leave your stream but stay searchable.',
  trash: 'The trash is empty.',
};

/** One view of thoughts (stream, archive or trash); the tabs above it belong to the shell. */
export function Timeline() {
  const view = useTimelineStore((state) => state.view);
  const showView = useTimelineStore((state) => state.showView);
  const hasLoaded = useTimelineStore((state) => state.hasLoaded);
  const error = useTimelineStore((state) => state.error);

  useEffect(() => {
    showView(useTimelineStore.getState().view);
  }, [showView]);

  return (
    <>
      {error !== undefined && <ErrorMessage error={error} className="timeline-error" />}
      {hasLoaded ? <ThoughtList view={view} /> : <p className="timeline-empty">Loading…</p>}
    </>
  );
}

function ThoughtList({ view }: { view: ThoughtView }) {
  const items = useTimelineStore((state) => state.items);
  const nextCursor = useTimelineStore((state) => state.nextCursor);
  const isLoading = useTimelineStore((state) => state.isLoading);
  const loadMore = useTimelineStore((state) => state.loadMore);
  const scrollRef = useRef<HTMLDivElement>(null);
  const hasMore = nextCursor !== null;
  const count = items.length + (hasMore ? 1 : 0);

  // Stable between pages: the virtualizer recomputes every row's offset when this function
  // changes, which at 100k loaded rows cost most of each scrolling frame.
  const getItemKey = useCallback((index: number) => items[index]?.id ?? 'more', [items]);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ESTIMATED_ROW_PX,
    overscan: 6,
    getItemKey,
  });
  const rows = virtualizer.getVirtualItems();
  const lastIndex = rows.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasMore && !isLoading && lastIndex >= items.length - PREFETCH_ROWS) void loadMore();
  }, [hasMore, isLoading, lastIndex, items.length, loadMore]);

  /** Arrow keys walk the list; rows outside the window are scrolled in before focusing. */
  function onKeyDown(event: KeyboardEvent<HTMLUListElement>) {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = (event.target as HTMLElement).closest<HTMLElement>('[data-index]');
    if (current === null) return;
    const next = Number(current.dataset['index']) + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= items.length) return;
    event.preventDefault();
    virtualizer.scrollToIndex(next, { align: 'auto' });
    requestAnimationFrame(() => {
      scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"] a`)?.focus();
    });
  }

  if (items.length === 0) return view === 'active' ? <Welcome /> : <p className="timeline-empty">{EMPTY_TEXT[view]}</p>;
  return (
    <div ref={scrollRef} className="timeline-scroll">
      <ul
        className="timeline-list"
        aria-label="Thoughts"
        aria-busy={isLoading}
        style={{ height: virtualizer.getTotalSize() }}
        onKeyDown={onKeyDown}
      >
        {rows.map((row) => {
          const thought = items[row.index];
          return (
            <li
              key={row.key}
              ref={virtualizer.measureElement}
              data-index={row.index}
              className="timeline-row"
              aria-setsize={hasMore ? -1 : items.length}
              aria-posinset={row.index + 1}
              style={{ transform: `translateY(${row.start}px)` }}
            >
              {thought === undefined ? (
                <button type="button" className="load-more" disabled={isLoading} onClick={() => void loadMore()}>
                  {isLoading ? 'Loading older thoughts…' : 'Load older thoughts'}
                </button>
              ) : (
                <ThoughtCard thought={thought} />
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
