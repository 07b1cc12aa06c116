import type { Thought } from '../../src-shared/contract';
import { call } from './call';
import type { TestCore } from './test-core';

/** A small lived-in database: active, pinned, archived and trashed thoughts, tags, a setting. */
export async function seedThoughts(core: TestCore): Promise<Thought[]> {
  const thoughts = [
    await call(core, 'thoughts.capture', { text: 'Seed thought about #gardening and tomatoes' }),
    await call(core, 'thoughts.capture', { text: 'Question: why do cats sit in boxes?', type: 'question', pinned: true }),
    await call(core, 'thoughts.capture', { text: 'Archived idea with émojis 🌱', type: 'idea', tags: ['later'] }),
    await call(core, 'thoughts.capture', { text: 'Trashed note\nwith two lines' }),
  ];
  await call(core, 'thoughts.archive', { id: thoughts[2]?.id ?? '' });
  await call(core, 'thoughts.delete', { id: thoughts[3]?.id ?? '' });
  await call(core, 'settings.update', { patch: { theme: 'dark' } });
  return thoughts;
}

/** Operations that change what is stored. */
export const MUTATIONS = new Set([
  'thoughts.capture',
  'thoughts.update',
  'thoughts.archive',
  'thoughts.unarchive',
  'thoughts.delete',
  'thoughts.restore',
  'thoughts.revert',
  'settings.update',
  'tasks.create',
  'tasks.update',
  'tasks.reorder',
  'tasks.delete',
  'index.pause',
  'index.resume',
  'desktop.setHotkey',
]);
