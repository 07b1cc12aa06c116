import { z } from 'zod';

/** How the global quick-capture hotkey stands. */
export const hotkeyStates = ['active', 'refused', 'unavailable'] as const;

export const desktopStatusSchema = z.object({
  /** `desktop` in the Electron app; `browser` when Cairn is served to a browser (no global hotkey, no tray). */
  mode: z.enum(['desktop', 'browser']),
  /** The folder that holds the database, secrets and logs. */
  dataDir: z.string(),
  hotkey: z.object({
    /** Electron spelling, as stored in settings ("CommandOrControl+Shift+Space"). */
    accelerator: z.string(),
    /** How a person reads it on this computer ("Ctrl+Shift+Space", "⌘⇧Space"). */
    label: z.string(),
    state: z.enum(hotkeyStates),
    /** Why it is not active, and what to do; null when it works. */
    message: z.string().nullable(),
  }),
  launchAtLogin: z.object({ supported: z.boolean(), enabled: z.boolean() }),
});

export const desktopContract = {
  /** What the desktop shell offers here: mode, data folder, the hotkey's state, launch at login. */
  'desktop.status': { input: z.strictObject({}), output: desktopStatusSchema },
  /**
   * Makes `accelerator` the quick-capture hotkey. In the desktop app the new hotkey is tried
   * first and kept only if the system grants it (the old one stays otherwise). Throws
   * invalid_input (not a usable combination, or one the system or every app uses) and
   * hotkey_refused (another app holds it).
   */
  'desktop.setHotkey': {
    input: z.strictObject({ accelerator: z.string().min(1).max(64) }),
    output: desktopStatusSchema,
  },
} as const;

export type DesktopStatus = z.infer<typeof desktopStatusSchema>;
export type HotkeyState = (typeof hotkeyStates)[number];
