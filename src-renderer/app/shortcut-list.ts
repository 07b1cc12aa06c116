import type { MainView } from './navigation';

/** The main column's tabs, in order; "g" then the key opens one, as in Gmail and Linear. */
export const GO_TO: readonly { view: MainView; label: string; key: string }[] = [
  { view: 'active', label: 'Stream', key: 's' },
  { view: 'archived', label: 'Archive', key: 'a' },
  { view: 'trash', label: 'Trash', key: 'r' },
  { view: 'suggestions', label: 'Suggestions', key: 'u' },
  { view: 'tasks', label: 'Tasks', key: 't' },
  { view: 'insights', label: 'Insights', key: 'i' },
  { view: 'goals', label: 'Goals', key: 'o' },
  { view: 'settings', label: 'Settings', key: ',' },
  { view: 'diagnostics', label: 'Diagnostics', key: 'd' },
];

export interface ShortcutGroup {
  title: string;
  items: readonly { keys: readonly string[]; does: string }[];
}

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);
/** The command key as this computer's keyboard labels it. */
export const MOD = isMac ? '⌘' : 'Ctrl';

/** Every keyboard shortcut, for the sheet (?) — the handlers live in use-shortcuts and the views. */
export const SHORTCUT_GROUPS: readonly ShortcutGroup[] = [
  {
    title: 'Anywhere',
    items: [
      { keys: [MOD, 'K'], does: 'Command palette: every action' },
      { keys: ['?'], does: 'This list of shortcuts' },
      { keys: ['N'], does: 'Capture a thought' },
      { keys: ['/'], does: 'Search' },
      { keys: ['Esc'], does: 'Close the open thought or dialog' },
    ],
  },
  {
    title: 'Go to',
    items: GO_TO.map(({ label, key }) => ({ keys: ['G', key === ',' ? ',' : key.toUpperCase()], does: label })),
  },
  {
    title: 'Capture',
    items: [
      { keys: ['Enter'], does: 'Save the thought' },
      { keys: ['Shift', 'Enter'], does: 'New line' },
      { keys: ['Esc'], does: 'Clear (quick capture: hide, keeping the draft)' },
      { keys: ['#tag'], does: 'Tag while you type' },
    ],
  },
  {
    title: 'Lists',
    items: [
      { keys: ['↑ ↓'], does: 'Move between thoughts, tasks and results' },
      { keys: ['← →'], does: 'Move between tabs' },
      { keys: ['Enter'], does: 'Open the focused item' },
    ],
  },
];
