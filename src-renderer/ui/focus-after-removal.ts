/**
 * When a list item is about to go away (accepted, dismissed, removed), focus must not fall back to
 * the page. Call this before the request, while the item is still in the list; call what it
 * returns once the item is gone: it focuses the next item's first button, else the previous
 * item's, else whatever `fallback` finds.
 */
export function focusAfterRemoval(item: Element | null, fallback: () => HTMLElement | null): () => void {
  const neighbour = item?.nextElementSibling ?? item?.previousElementSibling ?? null;
  return () => {
    requestAnimationFrame(() => {
      const target = neighbour?.isConnected === true ? neighbour.querySelector<HTMLElement>('button:not(:disabled)') : fallback();
      (target ?? fallback())?.focus();
    });
  };
}
