import { thoughtViews, type ThoughtView } from '../../src-shared/contract';
import { useSearchStore } from '../features/search/search-store';
import { useTimelineStore } from '../features/timeline/timeline-store';
import { usePaneStore, type Pane } from './pane-store';

/** A tab of the main column: one of the thought lists, or another pane. */
export type MainView = ThoughtView | Exclude<Pane, 'thoughts'>;

function isThoughtView(view: MainView): view is ThoughtView {
  return (thoughtViews as readonly string[]).includes(view);
}

/** Shows a view of the main column (leaving search, which would cover it). */
export function goTo(view: MainView): void {
  if (useSearchStore.getState().query !== '') useSearchStore.getState().setQuery('');
  if (isThoughtView(view)) {
    usePaneStore.getState().show('thoughts');
    useTimelineStore.getState().showView(view);
  } else {
    usePaneStore.getState().show(view);
  }
}

/** Moves the keyboard to an element by id once React has drawn it. */
export function focusById(id: string, select = false): void {
  requestAnimationFrame(() => {
    const element = document.getElementById(id);
    if (element === null) return;
    element.focus();
    if (select && element instanceof HTMLInputElement) element.select();
  });
}
