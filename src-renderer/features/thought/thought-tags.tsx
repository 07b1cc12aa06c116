import { useRef } from 'react';
import type { Thought } from '../../../src-shared/contract';
import { focusAfterRemoval } from '../../ui/focus-after-removal';
import { CheckIcon, CloseIcon } from '../../ui/icons';
import { useThoughtStore, type TagAction } from './thought-store';

type Tag = Thought['tags'][number];

/**
 * The thought's own tags, each removable, and apart from them the tags Cairn suggests, each to
 * accept or remove. Nothing is added to the person's tags without their say.
 */
export function ThoughtTags({ thought, isReadOnly }: { thought: Thought; isReadOnly: boolean }) {
  const own = thought.tags.filter((tag) => tag.kind === 'user');
  const suggested = thought.tags.filter((tag) => tag.kind === 'auto');
  const groupRef = useRef<HTMLDivElement>(null);
  if (own.length === 0 && suggested.length === 0) return null;

  // Once the last tag of a kind is gone, focus stays among the tags, else on the text.
  const fallback = () =>
    groupRef.current?.querySelector<HTMLElement>('.tag button:not(:disabled)') ?? document.getElementById('thought-text');

  return (
    <div className="thought-tags" ref={groupRef}>
      {own.length > 0 && (
        <div className="tag-group">
          <span className="tag-group-label" aria-hidden="true">
            Tags
          </span>
          <ul className="tag-list" aria-label="Tags">
            {own.map((tag) => (
              <TagChip key={tag.name} tag={tag} isReadOnly={isReadOnly} fallback={fallback} />
            ))}
          </ul>
        </div>
      )}
      {suggested.length > 0 && (
        <div className="tag-group">
          <span className="tag-group-label" aria-hidden="true">
            Suggested by Cairn
          </span>
          <ul className="tag-list" aria-label="Suggested tags">
            {suggested.map((tag) => (
              <TagChip key={tag.name} tag={tag} isReadOnly={isReadOnly} fallback={fallback} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

function TagChip({ tag, isReadOnly, fallback }: { tag: Tag; isReadOnly: boolean; fallback(): HTMLElement | null }) {
  const changeTag = useThoughtStore((state) => state.changeTag);
  const pendingTag = useThoughtStore((state) => state.pendingTag);
  const isBusy = useThoughtStore((state) => state.pendingAction !== undefined || state.pendingTag !== undefined);
  const itemRef = useRef<HTMLLIElement>(null);
  const isSuggestion = tag.kind === 'auto';
  const isChanging = pendingTag?.name === tag.name;

  async function change(action: TagAction): Promise<void> {
    const restoreFocus = focusAfterRemoval(itemRef.current, fallback);
    if (await changeTag(action, tag.name)) restoreFocus();
    // Its buttons were disabled while waiting, which drops focus; put it back on the chip.
    else if (document.activeElement === document.body) itemRef.current?.querySelector<HTMLElement>('button:not(:disabled)')?.focus();
  }

  return (
    <li
      ref={itemRef}
      className={isSuggestion ? 'tag tag-auto tag-editable' : 'tag tag-editable'}
      aria-busy={isChanging}
      title={isSuggestion ? 'Suggested by Cairn' : undefined}
    >
      <span>#{tag.name}</span>
      {!isReadOnly && isSuggestion && (
        <button
          type="button"
          className="tag-button"
          aria-label={`Accept tag ${tag.name}`}
          title="Accept"
          disabled={isBusy}
          onClick={() => void change('accept')}
        >
          <CheckIcon />
        </button>
      )}
      {!isReadOnly && (
        <button
          type="button"
          className="tag-button"
          aria-label={`Remove tag ${tag.name}`}
          title="Remove"
          disabled={isBusy}
          onClick={() => void change('remove')}
        >
          <CloseIcon />
        </button>
      )}
    </li>
  );
}
