// Where Electron's executable is, without triggering electron's lazy download (its index.js
// downloads on require when the binary is missing). Undefined when there is none.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export function electronPackageDir() {
  try {
    return dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

export function electronBinaryPath(env = process.env) {
  const dir = electronPackageDir();
  if (dir === undefined) return undefined;
  const pathFile = join(dir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  const candidate = override
    ? join(override, relative ?? (process.platform === 'win32' ? 'electron.exe' : 'electron'))
    : relative === undefined
      ? undefined
      : join(dir, 'dist', relative);
  return candidate !== undefined && existsSync(candidate) ? candidate : undefined;
}
