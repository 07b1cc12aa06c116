import { focusById, goTo } from '../../app/navigation';
import { usePreferencesStore } from '../../app/preferences-store';
import { GO_TO } from '../../app/shortcut-list';
import { useIndexStatusStore } from '../indexing/index-status-store';
import { useInsightsStore } from '../insights/insights-store';
import { SEARCH_INPUT_ID } from '../search/search-box';
import { useSearchStore } from '../search/search-store';
import { useThoughtStore } from '../thought/thought-store';
import { QUICK_ADD_ID } from '../tasks/task-ids';
import { useOverlayStore } from './overlay-store';
import type { Command } from './rank-commands';

const THEMES = [
  { theme: 'system', title: 'Theme: follow the system' },
  { theme: 'light', title: 'Theme: light' },
  { theme: 'dark', title: 'Theme: dark' },
] as const;

function thoughtCommands(): Command[] {
  const { thought, run } = useThoughtStore.getState();
  if (thought === undefined) return [];
  const group = 'This thought';
  const commands: Command[] = [{ id: 'thought.edit', title: 'Edit the open thought', group, run: () => focusById('thought-text') }];
  if (thought.deletedAt !== null) commands.push({ id: 'thought.restore', title: 'Restore from the trash', group, run: () => run('restore') });
  else {
    commands.push(
      thought.archivedAt === null
        ? { id: 'thought.archive', title: 'Archive the open thought', group, run: () => run('archive') }
        : { id: 'thought.unarchive', title: 'Back to the stream', group, keywords: ['unarchive'], run: () => run('unarchive') },
      { id: 'thought.delete', title: 'Move the open thought to the trash', group, keywords: ['delete'], run: () => run('delete') },
    );
  }
  return commands;
}

/**
 * Everything the palette can do right now. Built when the palette opens, from the stores'
 * current state, so it only offers what applies (Archive only with a thought open, and so on).
 */
export function appCommands(query: string): Command[] {
  const settings = usePreferencesStore.getState().settings;
  const update = usePreferencesStore.getState().update;
  const trimmed = query.trim();
  const commands: Command[] = [];
  if (trimmed !== '') {
    commands.push({
      id: 'search.for',
      title: `Search your thoughts for “${trimmed}”`,
      group: 'Search',
      fallback: true,
      run: () => {
        useSearchStore.getState().setQuery(trimmed);
        focusById(SEARCH_INPUT_ID);
      },
    });
  }
  commands.push(
    { id: 'capture', title: 'Capture a thought', group: 'Capture', keys: ['N'], keywords: ['new', 'write', 'note'], run: () => focusById('capture-input') },
    { id: 'search', title: 'Search', group: 'Search', keys: ['/'], keywords: ['find'], run: () => focusById(SEARCH_INPUT_ID, true) },
    ...GO_TO.map(({ view, label, key }) => ({
      id: `go.${view}`,
      title: label,
      group: 'Go to',
      keys: ['G', key === ',' ? ',' : key.toUpperCase()],
      keywords: ['open', 'show', 'view'],
      run: () => goTo(view),
    })),
    ...thoughtCommands(),
    {
      id: 'checks.run',
      title: 'Run a consciousness check now',
      group: 'Checks',
      keywords: ['insights', 'analyse', 'analyze'],
      run: () => {
        goTo('insights');
        void useInsightsStore.getState().runNow();
      },
    },
  );
  if (settings !== undefined) {
    commands.push(
      settings.checksEnabled
        ? { id: 'checks.pause', title: 'Pause scheduled checks', group: 'Checks', keywords: ['stop', 'off'], run: () => void update({ checksEnabled: false }, 'Scheduled checks paused.') }
        : { id: 'checks.resume', title: 'Resume scheduled checks', group: 'Checks', keywords: ['start', 'on'], run: () => void update({ checksEnabled: true }, 'Scheduled checks resumed.') },
      ...THEMES.filter(({ theme }) => theme !== settings.theme).map(({ theme, title }) => ({
        id: `theme.${theme}`,
        title,
        group: 'Appearance',
        keywords: ['colour', 'color', 'mode', 'appearance'],
        run: () => void update({ theme }, `${title}.`),
      })),
    );
  }
  const index = useIndexStatusStore.getState();
  if (index.status !== undefined) {
    commands.push(
      index.status.paused
        ? { id: 'index.resume', title: 'Resume indexing', group: 'Indexing', keywords: ['embeddings', 'background'], run: () => void index.setPaused(false) }
        : { id: 'index.pause', title: 'Pause indexing', group: 'Indexing', keywords: ['embeddings', 'background', 'stop'], run: () => void index.setPaused(true) },
    );
  }
  commands.push(
    { id: 'task.new', title: 'New task', group: 'Tasks', keywords: ['todo', 'add'], run: () => { goTo('tasks'); focusById(QUICK_ADD_ID); } },
    { id: 'goal.new', title: 'New goal', group: 'Goals', keywords: ['plan', 'add'], run: () => { goTo('goals'); focusById('goal-title'); } },
    { id: 'settings.hotkey', title: 'Change the quick-capture hotkey', group: 'Settings', keywords: ['shortcut', 'keyboard'], run: () => { goTo('settings'); focusById('hotkey-change'); } },
    { id: 'settings.ai', title: 'Choose the AI: local, Claude or none', group: 'Settings', keywords: ['ollama', 'claude', 'offline', 'model'], run: () => { goTo('settings'); focusById('ai-settings-heading'); } },
    { id: 'help.shortcuts', title: 'Keyboard shortcuts', group: 'Help', keys: ['?'], keywords: ['keys', 'help'], run: () => useOverlayStore.getState().open('shortcuts') },
  );
  return commands;
}
