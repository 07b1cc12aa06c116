import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BrowserWindow, app, dialog, globalShortcut, ipcMain, powerMonitor } from 'electron';
import type { IndexStatus } from '../src-shared/contract';
import { createSecretStore } from './core/ai/secret-store';
import { createCore, type Core } from './core/create-core';
import { describeFailure } from './core/describe-failure';
import { locateMigrations } from './core/locate';
import { createConsoleLogger } from './core/logger';
import { APP_NAME, resolveDataDir } from './core/paths';
import { keychainCipher } from './shell/keychain';
import { notifyNewInsights } from './shell/notifications';
import { hardenWebContents } from './shell/security';
import { setLinuxAutostart } from './shell/autostart-entry';
import { createTray, type CairnTray } from './shell/tray';
import { createCaptureWindow, createMainWindow, showCaptureWindow, type WindowPaths } from './shell/windows';
import { startHttpServer, type HttpServer } from './transport/http';
import { createFrameCheck, forwardEvents, registerIpcHandlers } from './transport/ipc';
import { APP_VERSION } from './version';

// The Electron shell only: windows, tray, hotkey, lifecycle. Everything else is core.

const here = dirname(fileURLToPath(import.meta.url));
const resources = app.isPackaged ? process.resourcesPath : join(here, '..', '..', 'resources');
const paths: WindowPaths = {
  preload: join(here, '..', 'preload', 'preload.cjs'),
  rendererDir: join(here, '..', 'renderer'),
  devServerUrl: app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'],
};

app.setName(APP_NAME);
app.setPath('userData', resolveDataDir());

let core: Core | undefined;
let http: HttpServer | undefined;
let mainWindow: BrowserWindow | undefined;
let captureWindow: BrowserWindow | undefined;
let tray: CairnTray | undefined;
let quitting = false;
/** Started at login: stay in the tray until the person asks for the window. */
const startHidden = process.argv.includes('--hidden') || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin);

function openMainWindow(): void {
  if (mainWindow === undefined || mainWindow.isDestroyed()) {
    mainWindow = createMainWindow(paths, join(resources, 'icon.png'), join(app.getPath('userData'), 'window-state.json'));
  }
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

function openCapture(): void {
  if (captureWindow === undefined || captureWindow.isDestroyed()) captureWindow = createCaptureWindow(paths);
  showCaptureWindow(captureWindow);
}

/** The one global hotkey; the OS refuses one another app holds, and the old one is gone then too. */
function registerHotkey(accelerator: string): boolean {
  globalShortcut.unregisterAll();
  try {
    return globalShortcut.register(accelerator, openCapture);
  } catch {
    return false;
  }
}

function setLaunchAtLogin(enabled: boolean): void {
  if (process.platform === 'linux') setLinuxAutostart(enabled, process.env['APPIMAGE'] ?? process.execPath);
  else app.setLoginItemSettings({ openAtLogin: enabled, args: ['--hidden'] });
}

/** What the tray says while indexing runs ("Indexing 1,234 of 5,000"); undefined when idle or paused. */
function indexingActivity(status: IndexStatus | undefined): string | undefined {
  if (status === undefined || status.state !== 'indexing' || status.paused) return undefined;
  return `Indexing ${status.embedded.toLocaleString()} of ${status.total.toLocaleString()}`;
}

async function start(): Promise<void> {
  const logger = createConsoleLogger();
  const dataDir = app.getPath('userData');
  const cipher = keychainCipher();
  try {
    core = createCore({
      dataDir,
      secrets: createSecretStore(dataDir, cipher === undefined ? {} : { cipher }),
      migrationsFolder: locateMigrations(import.meta.url, app.isPackaged ? process.resourcesPath : undefined),
      ...(app.isPackaged ? { resourcesPath: process.resourcesPath } : {}),
      version: APP_VERSION,
      logger,
      watchExternalChanges: true,
    });
  } catch (error) {
    dialog.showErrorBox('Cairn cannot open your data', describeFailure(error));
    app.exit(1);
    return;
  }
  const activeCore = core;
  hardenWebContents();
  registerIpcHandlers(ipcMain, activeCore.dispatcher, createFrameCheck(pathToFileURL(paths.rendererDir + '/'), paths.devServerUrl));
  forwardEvents(activeCore.bus, () => BrowserWindow.getAllWindows().map((window) => window.webContents));

  // A thought saved from the quick-capture window closes it, after its "Saved" has shown.
  activeCore.bus.subscribe((event, payload) => {
    if (event === 'thoughts.changed' && 'reason' in payload && payload.reason === 'captured' && captureWindow?.isFocused()) {
      setTimeout(() => captureWindow?.hide(), 350);
    }
  });

  notifyNewInsights(activeCore, openMainWindow);
  // After sleep, the missed checks become one catch-up check.
  powerMonitor.on('resume', () => activeCore.scheduler?.poke());

  const settings = activeCore.settings.get();
  // The core checks hotkeys and asks the shell to take them from the system.
  activeCore.desktop.attach({ registerHotkey, setLaunchAtLogin });
  captureWindow = createCaptureWindow(paths);
  if (!startHidden) openMainWindow();
  let trayShows = { checksPaused: !settings.checksEnabled, activity: indexingActivity(activeCore.index?.status()) };
  tray = createTray(
    join(resources, process.platform === 'darwin' ? 'trayTemplate.png' : 'tray.png'),
    {
      capture: openCapture,
      open: openMainWindow,
      checkNow: () => void activeCore.dispatcher.dispatch('checks.runNow', {}, { door: 'ipc' }),
      setChecksPaused: (paused) =>
        void activeCore.dispatcher.dispatch('settings.update', { patch: { checksEnabled: !paused } }, { door: 'ipc' }),
      quit: () => app.quit(),
    },
    trayShows,
  );
  // From the events' own payloads: progress comes several times a second, and the tray is on the main thread.
  activeCore.bus.subscribe((event, payload) => {
    if (event === 'index.progress') trayShows = { ...trayShows, activity: indexingActivity(payload as IndexStatus) };
    else if (event === 'settings.changed' && (payload as { keys: string[] }).keys.includes('checksEnabled')) {
      trayShows = { ...trayShows, checksPaused: !activeCore.settings.get().checksEnabled };
    } else return;
    tray?.update(trayShows);
  });
  activeCore.tokens.ensureApiToken(process.env['CAIRN_TOKEN']);
  try {
    http = await startHttpServer({ core: activeCore, host: '127.0.0.1', port: settings.httpPort, rendererDir: paths.rendererDir });
  } catch (error) {
    // The desktop app works without its HTTP door (port taken, e.g. by `npm run serve`).
    logger.warn('shell.http_unavailable', { error: String(error) });
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', openMainWindow);
  app.on('activate', openMainWindow);
  // The tray keeps Cairn running so the hotkey works with every window closed.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    globalShortcut.unregisterAll();
    // Finish the write in flight and drain background work before the process ends.
    void (async () => {
      await http?.close().catch(() => undefined);
      await core?.dispose().catch(() => undefined);
      app.exit(0);
    })();
  });
  void app.whenReady().then(start);
}
