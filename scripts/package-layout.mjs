// Builds the unpacked Linux app (what AppImage and deb wrap) from electron-builder.yml, without
// Electron's binary: electron-builder is given a stand-in Electron folder, so the layout of
// app.asar, app.asar.unpacked and resources/ is the real one while nothing is downloaded.
// tests/integration/packaging.test.ts checks that layout. Needs a built out/ (npm run build).
// Usage: node scripts/package-layout.mjs [--out DIR]   (writes DIR/layout.json and prints it last)
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
const BUILT = ['out/main/main.js', 'out/preload/preload.cjs', 'out/renderer/index.html'];
// Anything electron-builder would fetch (Electron zips, AppImage/fpm tools) goes to a closed
// port and fails at once instead of waiting on a network that only reaches the npm registry.
const NOWHERE = 'http://127.0.0.1:9';
const OFFLINE_ENV = {
  ELECTRON_MIRROR: `${NOWHERE}/`,
  ELECTRON_BUILDER_BINARIES_DOWNLOAD_OVERRIDE_URL: NOWHERE,
  ELECTRON_BUILDER_BINARIES_ALLOW_HTTP: 'true',
  HTTP_PROXY: NOWHERE,
  HTTPS_PROXY: NOWHERE,
};

/** The Electron version electron-builder would package (the installed electron package). */
export function electronVersion() {
  return JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
}

// electron-builder copies an unpacked Electron folder as is and renames its `electron`
// executable to linux.executableName; LICENSE and version are what a real dist carries beside it.
function writeStandInElectron(dir, version) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'electron'), `#!/bin/sh\necho "stand-in for Electron ${version}: packaging check only" >&2\nexit 1\n`, { mode: 0o755 });
  writeFileSync(join(dir, 'version'), version);
  writeFileSync(join(dir, 'LICENSE'), 'Stand-in for the Electron distribution; not redistributable.\n');
}

/**
 * Runs electron-builder's `--linux dir` target for one arch (this machine's, by default: npm
 * installed only its native packages) into `outDir`. Resolves to where the unpacked app is;
 * rejects when out/ is not built or electron-builder fails.
 */
export async function buildPackageLayout({ outDir = mkdtempSync(join(tmpdir(), 'cairn-package-')), arch = process.arch } = {}) {
  const missing = BUILT.filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0) throw new Error(`Build the app first (npm run build): missing ${missing.join(', ')}`);
  Object.assign(process.env, OFFLINE_ENV);
  const { build, Platform, Arch } = require('electron-builder');
  if (!['x64', 'arm64'].includes(arch)) throw new Error(`Cairn packages x64 and arm64, not ${arch}`);
  const version = electronVersion();
  const electronDist = join(outDir, 'electron-stand-in');
  const output = join(outDir, 'dist');
  rmSync(output, { recursive: true, force: true });
  writeStandInElectron(electronDist, version);
  const started = performance.now();
  await build({
    projectDir: root,
    targets: Platform.LINUX.createTarget('dir', Arch[arch]),
    publish: 'never',
    config: { electronDist, electronVersion: version, directories: { output } },
  });
  const appDir = join(output, arch === 'x64' ? 'linux-unpacked' : `linux-${arch}-unpacked`);
  if (!existsSync(join(appDir, 'resources', 'app.asar'))) throw new Error(`electron-builder finished but ${appDir} holds no app.asar`);
  const layout = {
    appDir,
    resourcesDir: join(appDir, 'resources'),
    asarPath: join(appDir, 'resources', 'app.asar'),
    arch,
    electronVersion: version,
    seconds: Math.round((performance.now() - started) / 100) / 10,
  };
  writeFileSync(join(outDir, 'layout.json'), JSON.stringify(layout, null, 2));
  return layout;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--out');
  const outDir = at === -1 ? undefined : resolve(process.argv[at + 1] ?? '');
  try {
    const layout = await buildPackageLayout(outDir === undefined ? {} : { outDir });
    process.stdout.write(`${JSON.stringify(layout)}\n`);
  } catch (error) {
    process.stderr.write(`package-layout: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
