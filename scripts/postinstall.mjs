// npm skips electron's own download script (package.json "allowScripts"), because it fails
// without access to GitHub. Try it here, where a failure is reported in one plain line and
// never fails the install: without the binary Cairn runs in browser mode.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { electronBinaryPath, electronPackageDir } from './electron-binary.mjs';

const hasElectronBinary = () => electronBinaryPath() !== undefined;
const packageDir = electronPackageDir();
const script = packageDir === undefined ? undefined : join(packageDir, 'install.js');
if (process.env.CAIRN_SKIP_ELECTRON === '1' || script === undefined || !existsSync(script)) {
  process.exit(0);
}
if (!hasElectronBinary()) {
  const result = spawnSync(process.execPath, [script], {
    cwd: dirname(script),
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 180_000,
    encoding: 'utf8',
  });
  if (result.status === 0 && hasElectronBinary()) {
    process.stdout.write('Cairn: Electron installed; `npm start` opens the desktop app.\n');
  } else {
    const reason = (result.stderr || result.stdout || result.error?.message || 'unknown reason')
      .split('\n')
      .map((line) => line.trim())
      .find((line) => /error|failed|ENOTFOUND|ECONN|timed? ?out|403|404/i.test(line)) ?? 'download failed';
    process.stdout.write(
      `Cairn: Electron's binary could not be downloaded (${reason.slice(0, 160)}); npm start will use browser mode.\n`,
    );
  }
}
