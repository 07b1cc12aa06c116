import { existsSync } from 'node:fs';
import { Menu, Tray, nativeImage } from 'electron';

export interface TrayActions {
  capture(): void;
  open(): void;
  checkNow(): void;
  setChecksPaused(paused: boolean): void;
  quit(): void;
}

/** What the tray shows besides its menu: whether checks are paused, and indexing progress. */
export interface TrayState {
  checksPaused: boolean;
  /** "Indexing 1,234 of 5,000" while Cairn indexes; undefined when idle. */
  activity: string | undefined;
}

export interface CairnTray {
  update(state: TrayState): void;
}

function menu(actions: TrayActions, state: TrayState): Menu {
  return Menu.buildFromTemplate([
    { label: 'Capture a thought', click: actions.capture },
    { label: 'Open Cairn', click: actions.open },
    { type: 'separator' },
    ...(state.activity === undefined ? [] : [{ label: state.activity, enabled: false }]),
    { label: 'Check now', click: actions.checkNow },
    { label: 'Pause checks', type: 'checkbox', checked: state.checksPaused, click: (item) => actions.setChecksPaused(item.checked) },
    { type: 'separator' },
    { label: 'Quit Cairn', click: actions.quit },
  ]);
}

/** Tray icon and menu; undefined where the platform has no tray or the icon is missing. */
export function createTray(iconPath: string, actions: TrayActions, initial: TrayState): CairnTray | undefined {
  if (!existsSync(iconPath)) return undefined;
  const image = nativeImage.createFromPath(iconPath);
  if (process.platform === 'darwin') image.setTemplateImage(true);
  const tray = new Tray(image);
  tray.on('click', actions.open);
  let shown = '';
  const update = (state: TrayState) => {
    // Menus are rebuilt only when what they show changed (progress arrives several times a second).
    const key = JSON.stringify(state);
    if (key === shown) return;
    shown = key;
    tray.setToolTip(state.activity === undefined ? 'Cairn' : `Cairn — ${state.activity}`);
    if (process.platform === 'darwin') tray.setTitle(state.activity === undefined ? '' : '…');
    tray.setContextMenu(menu(actions, state));
  };
  update(initial);
  return { update };
}
