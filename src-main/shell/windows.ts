import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { fitToDisplays, readWindowBounds, writeWindowBounds } from './window-bounds';

export interface WindowPaths {
  preload: string;
  /** Built renderer folder (file://) or the dev server URL. */
  rendererDir: string;
  devServerUrl: string | undefined;
}

const webPreferences = (paths: WindowPaths) => ({
  preload: paths.preload,
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  webSecurity: true,
  spellcheck: true,
});

function load(window: BrowserWindow, paths: WindowPaths, page: 'index.html' | 'capture.html'): void {
  if (paths.devServerUrl !== undefined) void window.loadURL(new URL(page, paths.devServerUrl).toString());
  else void window.loadFile(join(paths.rendererDir, page));
}

/** The main window where it was last time (fitted to today's displays), remembered as it moves. */
export function createMainWindow(paths: WindowPaths, icon: string | undefined, stateFile: string): BrowserWindow {
  const saved = readWindowBounds(stateFile);
  const fitted = saved === undefined ? undefined : fitToDisplays(saved, screen.getAllDisplays().map((display) => display.workArea));
  const window = new BrowserWindow({
    width: fitted?.width ?? 1080,
    height: fitted?.height ?? 760,
    ...(fitted === undefined ? {} : { x: fitted.x, y: fitted.y }),
    minWidth: 520,
    minHeight: 420,
    show: false,
    title: 'Cairn',
    ...(icon === undefined ? {} : { icon }),
    webPreferences: webPreferences(paths),
  });
  if (fitted?.maximized === true) window.maximize();
  rememberBounds(window, stateFile);
  window.once('ready-to-show', () => window.show());
  load(window, paths, 'index.html');
  return window;
}

function rememberBounds(window: BrowserWindow, stateFile: string): void {
  let timer: NodeJS.Timeout | undefined;
  const save = () => {
    if (window.isDestroyed() || window.isMinimized()) return;
    const bounds = window.getNormalBounds();
    try {
      writeWindowBounds(stateFile, { ...bounds, maximized: window.isMaximized() });
    } catch {
      // A read-only data folder only costs the remembered position.
    }
  };
  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 400);
  };
  window.on('resize', soon);
  window.on('move', soon);
  window.on('maximize', soon);
  window.on('unmaximize', soon);
  window.on('close', () => {
    clearTimeout(timer);
    save();
  });
}

/**
 * Created hidden at start-up so the hotkey only has to show it: capture must feel instant.
 * Esc hides it (the renderer keeps the draft); losing focus hides it too.
 */
export function createCaptureWindow(paths: WindowPaths): BrowserWindow {
  const window = new BrowserWindow({
    width: 620,
    height: 170,
    show: false,
    frame: false,
    resizable: false,
    alwaysOnTop: true,
    skipTaskbar: true,
    fullscreenable: false,
    title: 'Capture a thought',
    webPreferences: webPreferences(paths),
  });
  window.webContents.on('before-input-event', (event, input) => {
    if (input.type === 'keyDown' && input.key === 'Escape') {
      event.preventDefault();
      window.hide();
    }
  });
  window.on('blur', () => window.hide());
  load(window, paths, 'capture.html');
  return window;
}

/** Shows the capture window centred on the display under the cursor, focused. */
export function showCaptureWindow(window: BrowserWindow): void {
  const display = screen.getDisplayNearestPoint(screen.getCursorScreenPoint());
  const [width = 620] = window.getSize();
  window.setPosition(
    Math.round(display.workArea.x + (display.workArea.width - width) / 2),
    Math.round(display.workArea.y + display.workArea.height * 0.28),
  );
  window.show();
  window.focus();
  window.webContents.focus();
}
