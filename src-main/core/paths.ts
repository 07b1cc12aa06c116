import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

export const APP_NAME = 'Cairn';
export const DATABASE_FILE = 'cairn.db';

/**
 * The platform's user-data folder for Cairn — the folder Electron's `app.getPath('userData')`
 * gives for an app named Cairn — so desktop, browser mode, server and CLI share one database.
 * `CAIRN_DATA_DIR` overrides it.
 */
export function resolveDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  const override = env['CAIRN_DATA_DIR'];
  if (override !== undefined && override.trim() !== '') return resolve(override);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), APP_NAME);
  const config = env['XDG_CONFIG_HOME'];
  return join(config !== undefined && config !== '' ? config : join(home, '.config'), APP_NAME);
}

/** Walks up from `start` to the folder holding `relative` (the repo, or a packaged resources dir). */
export function findUp(start: string, relative: string): string | undefined {
  let current = resolve(start);
  for (;;) {
    const candidate = join(current, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
