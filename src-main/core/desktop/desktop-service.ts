import { acceleratorLabel, checkAccelerator, type Platform } from '../../../src-shared/accelerator';
import type { DesktopStatus, HotkeyState, Settings } from '../../../src-shared/contract';
import { AppError } from '../../../src-shared/errors';
import type { Logger } from '../logger';
import type { SettingsService } from '../settings/settings-service';

/** What the Electron shell lends the core: the OS-level parts Cairn cannot reach from plain Node. */
export interface DesktopPort {
  /** Makes `accelerator` the one global hotkey; false when the system or another app refuses it. */
  registerHotkey(accelerator: string): boolean;
  /** Undefined where the platform offers no way to start at login. */
  setLaunchAtLogin: ((enabled: boolean) => void) | undefined;
}

export interface DesktopServiceDeps {
  settings: SettingsService;
  dataDir: string;
  logger: Logger;
  platform?: NodeJS.Platform;
}

function asPlatform(platform: NodeJS.Platform): Platform {
  return platform === 'darwin' || platform === 'win32' ? platform : 'linux';
}

/**
 * The desktop integration as the rest of Cairn sees it. In browser and server mode no port is
 * attached: the hotkey setting is kept for the desktop app and reported as unavailable here.
 */
export function createDesktopService({ settings, dataDir, logger, platform = process.platform }: DesktopServiceDeps) {
  const os = asPlatform(platform);
  let port: DesktopPort | undefined;
  let hotkey: { state: HotkeyState; message: string | null } = {
    state: 'unavailable',
    message: 'The global hotkey works in the desktop app. Here, press N to capture.',
  };

  function refusedMessage(accelerator: string): string {
    return `${acceleratorLabel(accelerator, os)} is taken by another app or by your system. Choose another combination in Settings.`;
  }

  /** Tries the stored hotkey (at start-up); a refusal is reported, never fatal. */
  function registerStored(): void {
    if (port === undefined) return;
    const { captureHotkey } = settings.get();
    const checked = checkAccelerator(captureHotkey, os);
    if (!checked.ok) {
      hotkey = { state: 'refused', message: checked.reason };
    } else if (port.registerHotkey(checked.accelerator)) {
      hotkey = { state: 'active', message: null };
    } else {
      hotkey = { state: 'refused', message: refusedMessage(captureHotkey) };
      logger.warn('desktop.hotkey_refused', { accelerator: captureHotkey });
    }
  }

  function applyLaunchAtLogin(enabled: boolean): void {
    try {
      port?.setLaunchAtLogin?.(enabled);
    } catch (error) {
      logger.warn('desktop.launch_at_login_failed', { error: String(error) });
    }
  }

  return {
    /** The shell attaches itself once Electron is ready. */
    attach(desktop: DesktopPort): void {
      port = desktop;
      registerStored();
      applyLaunchAtLogin(settings.get().launchAtLogin);
    },
    status(): DesktopStatus {
      const current = settings.get();
      return {
        mode: port === undefined ? 'browser' : 'desktop',
        dataDir,
        hotkey: { accelerator: current.captureHotkey, label: acceleratorLabel(current.captureHotkey, os), ...hotkey },
        launchAtLogin: { supported: port?.setLaunchAtLogin !== undefined, enabled: current.launchAtLogin },
      };
    },
    /**
     * Checks a new hotkey and, in the desktop app, takes it from the system before saving it;
     * when the system refuses, the previous hotkey is registered again and nothing is saved.
     */
    setHotkey(input: string): string {
      const checked = checkAccelerator(input, os);
      if (!checked.ok) throw new AppError('invalid_input', checked.reason, { field: 'accelerator' });
      if (port !== undefined) {
        if (!port.registerHotkey(checked.accelerator)) {
          registerStored();
          throw new AppError('hotkey_refused', refusedMessage(checked.accelerator), { accelerator: checked.accelerator });
        }
        hotkey = { state: 'active', message: null };
      }
      settings.update({ captureHotkey: checked.accelerator });
      return checked.accelerator;
    },
    /** Settings changed elsewhere (settings.update): follow the ones the shell owns. */
    onSettingsChanged(patch: Partial<Settings>): void {
      if (patch.launchAtLogin !== undefined) applyLaunchAtLogin(patch.launchAtLogin);
    },
  };
}

export type DesktopService = ReturnType<typeof createDesktopService>;
