import { existsSync } from 'node:fs';
import { Menu, Tray, nativeImage } from 'electron';

export interface TrayActions {
  capture(): void;
  open(): void;
  quit(): void;
}

/** Tray icon and menu; undefined where the platform has no tray or the icon is missing. */
export function createTray(iconPath: string, actions: TrayActions): Tray | undefined {
  if (!existsSync(iconPath)) return undefined;
  const image = nativeImage.createFromPath(iconPath);
  if (process.platform === 'darwin') image.setTemplateImage(true);
  const tray = new Tray(image);
  tray.setToolTip('Cairn');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Capture a thought', click: actions.capture },
      { label: 'Open Cairn', click: actions.open },
      { type: 'separator' },
      { label: 'Quit Cairn', click: actions.quit },
    ]),
  );
  tray.on('click', actions.open);
  return tray;
}
