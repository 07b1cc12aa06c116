// `npm start`: the desktop app when Electron's binary is here, otherwise the same app in
// browser mode (core + HTTP + renderer) with a one-time link.
import { spawn } from 'node:child_process';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { electronBinaryPath } from './electron-binary.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));

const hasDisplay =
  process.platform !== 'linux' || process.env.DISPLAY !== undefined || process.env.WAYLAND_DISPLAY !== undefined;
const binary = electronBinaryPath();
const args = process.argv.slice(2);

if (binary !== undefined && hasDisplay && !args.includes('--browser')) {
  const child = spawn(binary, [root, ...args], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
} else {
  process.stdout.write(
    binary === undefined
      ? 'Electron is not installed here, so Cairn starts in browser mode.\n'
      : 'No display found, so Cairn starts in browser mode.\n',
  );
  const { runServerMain } = await import('../out/main/server.js');
  runServerMain(['--browser', ...args.filter((arg) => arg !== '--browser')]);
}
