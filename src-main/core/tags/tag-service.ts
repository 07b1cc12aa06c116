import type { Thought } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { Clock } from '../clock';
import type { Database } from '../db/open-database';
import { findThoughtById } from '../db/repositories/thoughts';
import { markTagRemoved, tagLinkOf, tagsForThoughts } from '../db/repositories/tags';
import type { EventBus } from '../events/event-bus';
import type { ThoughtService } from '../thoughts/thought-service';

export interface TagServiceDeps {
  db: Database;
  clock: Clock;
  bus: EventBus;
  thoughts: ThoughtService;
}

/**
 * Accepting or removing a tag on one thought. Changes to the person's own tags go through
 * thoughts.update, so they get a version and an event like any edit.
 */
export function createTagService({ db, clock, bus, thoughts }: TagServiceDeps) {
  const { sqlite } = db;

  function requireLink(thoughtId: string, name: string) {
    const row = findThoughtById(sqlite, thoughtId);
    if (row === undefined) throw new AppError('not_found', 'No thought with that id.', { id: thoughtId });
    const link = tagLinkOf(sqlite, row.seq, name);
    if (link === undefined || link.status === 'removed') {
      throw new AppError('not_found', `This thought has no tag "${name}".`, { id: thoughtId, name });
    }
    const userTags = (tagsForThoughts(sqlite, [row.seq]).get(row.seq) ?? []).filter((tag) => tag.kind === 'user').map((tag) => tag.name);
    return { row, link, userTags };
  }

  const removeTransaction = sqlite.transaction((thoughtId: string, name: string) => {
    const { row, link, userTags } = requireLink(thoughtId, name);
    if (link.kind === 'user') thoughts.update({ id: thoughtId, tags: userTags.filter((tag) => tag !== name) });
    markTagRemoved(sqlite, row.seq, name, clock.now());
    return link.kind;
  });

  return {
    /** A suggested tag becomes one of the thought's own. Accepting an own tag changes nothing. */
    accept(thoughtId: string, name: string): Thought {
      const { link, userTags } = requireLink(thoughtId, name);
      if (link.kind === 'user') return thoughts.get(thoughtId);
      return thoughts.update({ id: thoughtId, tags: [...userTags, name] });
    },

    /** Takes a tag off a thought; Cairn will not suggest it for this thought again. */
    remove(thoughtId: string, name: string): Thought {
      const kind = removeTransaction.immediate(thoughtId, name);
      // An own tag's removal was announced by thoughts.update; a suggestion's is announced here.
      if (kind === 'auto') bus.emit('thoughts.changed', { ids: [thoughtId], reason: 'updated' });
      return thoughts.get(thoughtId);
    },
  };
}

export type TagService = ReturnType<typeof createTagService>;
