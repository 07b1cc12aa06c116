import { useEffect } from 'react';
import { ErrorMessage } from '../../ui/error-message';
import { TagList } from '../../ui/tag-list';
import { isMeaningUnavailable, useIndexStatusStore } from '../indexing/index-status-store';
import { thoughtHref } from '../timeline/thought-card';
import { useRelatedStore } from './related-store';

/** Thoughts close in meaning to the open one; each opens in this panel (click or Enter). */
export function RelatedThoughts({ thoughtId }: { thoughtId: string }) {
  const items = useRelatedStore((state) => state.items);
  const isIndexed = useRelatedStore((state) => state.isIndexed);
  const hasLoaded = useRelatedStore((state) => state.hasLoaded && state.thoughtId === thoughtId);
  const error = useRelatedStore((state) => state.error);
  const indexStatus = useIndexStatusStore((state) => state.status);

  useEffect(() => {
    void useRelatedStore.getState().show(thoughtId);
  }, [thoughtId]);
  useEffect(() => () => void useRelatedStore.getState().show(undefined), []);

  function body() {
    if (error !== undefined && items.length === 0) return null;
    if (!hasLoaded) return <p className="muted">Finding related thoughts…</p>;
    if (!isIndexed) {
      if (indexStatus !== undefined && isMeaningUnavailable(indexStatus)) {
        // The header's "Words only" notice says how to fix it; once is enough.
        return <p className="muted">Related thoughts are found by meaning, which is off right now.</p>;
      }
      return <p className="muted">Finding related thoughts…</p>;
    }
    if (items.length === 0) return <p className="muted">Nothing closely related yet.</p>;
    return (
      <ul className="related-list" aria-label="Related thoughts">
        {items.map(({ thought, sharedTags }) => (
          <li key={thought.id}>
            <a className="related-link" href={thoughtHref(thought.id)}>
              <span className="related-text">{thought.text}</span>
              {sharedTags.length > 0 && <TagList tags={sharedTags} label="Shared tags" />}
            </a>
          </li>
        ))}
      </ul>
    );
  }

  return (
    <section className="thought-section" aria-labelledby="related-heading">
      <h3 id="related-heading">Related</h3>
      {error !== undefined && <ErrorMessage error={error} />}
      {body()}
    </section>
  );
}
