// Builds the app (electron-vite: main, preload, renderer) when out/ is missing or older than the
// sources, so `npm run serve` and `cairn` work straight after `npm install`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const stamp = join(root, 'out', '.build-stamp');
const inputs = ['src-main', 'src-renderer', 'src-shared', 'migrations', 'electron.vite.config.ts', 'package.json'];
const outputs = ['out/main/server.js', 'out/main/cli.js', 'out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

export function isBuildCurrent() {
  if (!outputs.every((output) => existsSync(join(root, output))) || !existsSync(stamp)) return false;
  // An installed copy without sources is current by definition.
  if (!existsSync(join(root, 'src-main'))) return true;
  const built = statSync(stamp).mtimeMs;
  return inputs.every((input) => newestMtime(join(root, input)) <= built);
}

export function build() {
  const bin = join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite');
  // Build output goes to stderr: stdout of `npm run serve` is for the "listening" line.
  const result = spawnSync(bin, ['build'], { cwd: root, stdio: ['ignore', 2, 2], shell: process.platform === 'win32' });
  if (result.status !== 0) {
    process.stderr.write('Cairn: the build failed (see above).\n');
    process.exit(result.status ?? 1);
  }
  writeFileSync(stamp, new Date().toISOString());
}

export async function ensureBuilt() {
  if (!isBuildCurrent()) build();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  if (process.argv.includes('--force')) build();
  else await ensureBuilt();
}
