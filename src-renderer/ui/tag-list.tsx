import type { Thought } from '../../src-shared/contract';

type Tag = Thought['tags'][number];

/** Tags as quiet chips; Cairn's own suggestions are marked so they read apart from the person's. */
export function TagList({ tags, label = 'Tags' }: { tags: readonly (Tag | string)[]; label?: string }) {
  if (tags.length === 0) return null;
  return (
    <ul className="tag-list" aria-label={label}>
      {tags.map((tag) => {
        const name = typeof tag === 'string' ? tag : tag.name;
        const isAuto = typeof tag !== 'string' && tag.kind === 'auto';
        return (
          <li key={name} className={isAuto ? 'tag tag-auto' : 'tag'} title={isAuto ? 'Suggested by Cairn' : undefined}>
            #{name}
          </li>
        );
      })}
    </ul>
  );
}
