import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as asar from '@electron/asar';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { outsideAsar } from '../../src-main/core/db/open-database';
import { locateBundledModels } from '../../src-main/core/embeddings/model-resolver';
import { locateEmbedWorker } from '../../src-main/core/embeddings/worker-location';
import { locateMigrations } from '../../src-main/core/locate';
import {
  binaryArch,
  buildPackageLayout,
  devOnlyPackages,
  filesUnder,
  listAsar,
  mirrorResources,
  packagedPackages,
  pngSize,
  runNode,
  type AsarEntry,
  type PackageLayout,
} from '../helpers/packaged-app';
import { REPO_ROOT, tempDir } from '../helpers/test-core';

// The installers wrap the unpacked app electron-builder makes from electron-builder.yml. Electron
// cannot be downloaded here, so scripts/package-layout.mjs builds that app around a stand-in
// Electron folder; this checks each file the app needs is where the app will look for it. It
// must run wherever the suite runs: a missing electron-builder fails it, it never skips.

const NATIVE = /\.(node|so(\.\d+)*|dylib|dll)$/;
const BUILD_TIMEOUT_MS = 300_000;

let work: ReturnType<typeof tempDir>;
let layout: PackageLayout;
let entries: AsarEntry[];
let files: Set<string>;
/** A runnable copy of resources/ (see mirrorResources). */
let mirror: string;

function unpackedPath(entryPath: string): string {
  return join(layout.resourcesDir, 'app.asar.unpacked', entryPath);
}

/** The URL of a module at `inside` app.asar, as Electron names it in a packaged app. */
function packagedModuleUrl(inside: string): string {
  return pathToFileURL(join(layout.resourcesDir, 'app.asar', inside)).href;
}

beforeAll(() => {
  work = tempDir('cairn-package-');
  layout = buildPackageLayout(work.path, BUILD_TIMEOUT_MS);
  entries = listAsar(layout.asarPath);
  files = new Set(entries.filter((entry) => entry.isFile).map((entry) => entry.path));
  mirror = mirrorResources(layout, join(work.path, 'mirror'));
}, BUILD_TIMEOUT_MS + 60_000);

afterAll(() => work?.remove());

describe('the packaged app (electron-builder --linux dir around a stand-in Electron)', () => {
  it('holds the built app in app.asar, with package.json pointing at its main bundle', () => {
    for (const built of ['out/main/main.js', 'out/main/embed-worker.js', 'out/preload/preload.cjs', 'out/renderer/index.html', 'out/renderer/capture.html', 'package.json']) {
      expect(files, built).toContain(built);
    }
    const manifest = JSON.parse(asar.extractFile(layout.asarPath, 'package.json').toString('utf8')) as { main: string };
    expect(files).toContain(manifest.main.replace(/^\.\//, ''));
  });

  it('leaves out sources, source maps, tests, benchmarks and every dev-only package', () => {
    const topLevel = new Set(entries.map((entry) => entry.path.split('/')[0]));
    expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json']);
    expect([...files].filter((file) => /\.(ts|tsx|mts|cts|map)$/.test(file))).toEqual([]);

    // npm's own record of what only development needs (package-lock "dev": true).
    const devOnly = devOnlyPackages(join(REPO_ROOT, 'package-lock.json'));
    const packaged = packagedPackages(layout.asarPath, entries);
    expect(packaged.length).toBeGreaterThan(50);
    expect(packaged.filter((id) => devOnly.has(id))).toEqual([]);
    const names = new Set(packaged.map((id) => id.slice(0, id.lastIndexOf('@'))));
    for (const dev of ['@lancedb/lancedb', 'vitest', 'electron', 'electron-builder', 'node', 'typescript', 'playwright']) {
      expect(names.has(dev), dev).toBe(false);
    }
    // Not needed at run time (transformers.js bundles the part it uses), and 140 MB.
    expect(names.has('onnxruntime-web')).toBe(false);
  });

  it(`keeps every native binary outside the archive, each one built for linux-${process.arch}`, () => {
    const natives = entries.filter((entry) => entry.isFile && NATIVE.test(entry.path));
    const nativePaths = natives.map((entry) => entry.path);
    for (const required of [
      `node_modules/better-sqlite3/prebuilds/linux-${layout.arch}.node`,
      `node_modules/sqlite-vec-linux-${layout.arch}/vec0.so`,
    ]) {
      expect(nativePaths, required).toContain(required);
    }
    const onnxruntime = nativePaths.filter((path) => path.startsWith('node_modules/onnxruntime-node/bin/'));
    expect(onnxruntime.map((path) => path.split('/').slice(4).join('/')).sort()).toEqual([
      `linux/${layout.arch}/libonnxruntime.so.1`,
      `linux/${layout.arch}/onnxruntime_binding.node`,
    ]);
    expect(nativePaths.some((path) => /^node_modules\/@img\/sharp-libvips-linux-[^/]+\/lib\/libvips-cpp\.so/.test(path))).toBe(true);

    const misplaced = natives.filter((entry) => !entry.unpacked || !existsSync(unpackedPath(entry.path)));
    expect(misplaced.map((entry) => entry.path)).toEqual([]);
    const foreign = natives.filter((entry) => binaryArch(unpackedPath(entry.path)) !== layout.arch);
    expect(foreign.map((entry) => `${entry.path}: ${binaryArch(unpackedPath(entry.path))}`)).toEqual([]);
    expect(filesUnder(layout.appDir).filter((file) => /\.(dll|dylib|exe)$/.test(file))).toEqual([]);
  });

  it('loads each native module from app.asar.unpacked, with the libraries it links beside it', () => {
    // Electron loads an unpacked .node from app.asar.unpacked, and the OS loader resolves its
    // $ORIGIN-relative libraries (sharp → libvips, onnxruntime → libonnxruntime) from there.
    const modules = entries.filter((entry) => entry.isFile && entry.path.endsWith('.node')).map((entry) => unpackedPath(entry.path));
    const load = `for (const file of JSON.parse(process.argv[1])) {
      try { process.dlopen({ exports: {} }, file); } catch (error) { console.log(file + ': ' + error.message); process.exitCode = 1; }
    }`;
    const result = runNode(['-e', load, JSON.stringify(modules)], { cwd: layout.appDir });
    expect(result.output).toBe('');
    expect(result.status).toBe(0);
  });

  it("finds sqlite-vec's library where openDatabase loads it from in a packaged app", () => {
    // sqlite-vec computes its path from where it sits: inside app.asar, as Electron shows it.
    const module = pathToFileURL(join(mirror, 'app.asar', 'node_modules', 'sqlite-vec', 'index.mjs')).href;
    const result = runNode(['--input-type=module', '-e', `console.log((await import(${JSON.stringify(module)})).getLoadablePath())`], { cwd: mirror });
    expect(result.status, result.output).toBe(0);
    const seen = result.output.trim();
    expect(seen).toContain(join('resources', 'app.asar', 'node_modules'));
    const loaded = outsideAsar(seen);
    expect(loaded).toContain(join('resources', 'app.asar.unpacked', 'node_modules'));
    expect(existsSync(join(layout.resourcesDir, relative(mirror, loaded)))).toBe(true);
  });

  it('runs the packaged core: a thought captured and found again, migrations applied, sqlite-vec loaded', () => {
    const data = tempDir('cairn-package-data-');
    try {
      const cli = join(mirror, 'app.asar', 'out', 'main', 'cli.js');
      const env = { ...process.env, CAIRN_DATA_DIR: data.path };
      const added = runNode([cli, 'add', 'a cairn of packaged stones'], { cwd: data.path, env });
      expect(added.status, added.output).toBe(0);
      const found = runNode([cli, 'search', 'stones'], { cwd: data.path, env });
      expect(found.status, found.output).toBe(0);
      expect(found.output).toContain('a cairn of packaged stones');
    } finally {
      data.remove();
    }
  });

  it("imports the embedding runtime from the package's own node_modules", () => {
    // transformers.js loads sharp and onnxruntime-node when imported: a package left out fails here.
    const result = runNode(['--input-type=module', '-e', "const t = await import('@huggingface/transformers'); console.log(typeof t.pipeline)"], {
      cwd: join(mirror, 'app.asar'),
    });
    expect(result.output.trim()).toBe('function');
  });

  it('puts the embedding worker where the main bundle looks for it', () => {
    const worker = locateEmbedWorker(pathToFileURL(join(mirror, 'app.asar', 'out', 'main', 'main.js')).href);
    expect(relative(mirror, fileURLToPath(worker.url))).toBe(join('app.asar', 'out', 'main', 'embed-worker.js'));
  });

  it('ships every migration where locateMigrations looks for it', () => {
    const migrations = locateMigrations(packagedModuleUrl('out/main/main.js'), layout.resourcesDir);
    expect(migrations).toBe(join(layout.resourcesDir, 'migrations'));
    const source = join(REPO_ROOT, 'migrations');
    const expected = filesUnder(source);
    expect(expected).toEqual(expect.arrayContaining(['meta/_journal.json']));
    expect(expected.some((file) => file.endsWith('.sql'))).toBe(true);
    expect(filesUnder(migrations)).toEqual(expected);
    for (const file of expected) expect(readFileSync(join(migrations, file)).equals(readFileSync(join(source, file))), file).toBe(true);
  });

  it('ships the bundled models folder where the app finds it, with or without process.resourcesPath', () => {
    const models = join(layout.resourcesDir, 'models');
    expect(locateBundledModels(packagedModuleUrl('out/main/chunks/model-resolver.js'), layout.resourcesDir)).toBe(models);
    // main.ts does not hand resourcesPath to the core: the walk up from the bundle must find it.
    expect(locateBundledModels(packagedModuleUrl('out/main/chunks/model-resolver.js'))).toBe(models);
    expect(filesUnder(models)).toEqual(filesUnder(join(REPO_ROOT, 'resources', 'models')));
  });

  it('ships the window and tray icons beside the archive, the app icon at least 512 px', () => {
    for (const icon of ['icon.png', 'tray.png', 'trayTemplate.png']) expect(existsSync(join(layout.resourcesDir, icon)), icon).toBe(true);
    const { width, height } = pngSize(join(layout.resourcesDir, 'icon.png'));
    expect(Math.min(width, height)).toBeGreaterThanOrEqual(512);
  });
});
