import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, readdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import * as asar from '@electron/asar';
import { REPO_ROOT } from './test-core';

/** What scripts/package-layout.mjs built (its layout.json). */
export interface PackageLayout {
  appDir: string;
  resourcesDir: string;
  asarPath: string;
  arch: string;
  electronVersion: string;
  seconds: number;
}

export interface AsarEntry {
  /** Relative to the archive root, with forward slashes. */
  path: string;
  isFile: boolean;
  unpacked: boolean;
}

/** Builds the unpacked Linux app in `outDir` in a child process; throws with its output when that fails. */
export function buildPackageLayout(outDir: string, timeoutMs: number): PackageLayout {
  const result = spawnSync(process.execPath, [join(REPO_ROOT, 'scripts', 'package-layout.mjs'), '--out', outDir], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 64 * 1024 * 1024,
  });
  const layoutFile = join(outDir, 'layout.json');
  if (result.status !== 0 || !existsSync(layoutFile)) {
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`scripts/package-layout.mjs failed (${result.error?.message ?? `exit ${result.status}`}):\n${output}`);
  }
  return JSON.parse(readFileSync(layoutFile, 'utf8')) as PackageLayout;
}

/** Every entry of app.asar, with whether electron-builder put its bytes in app.asar.unpacked. */
export function listAsar(asarPath: string): AsarEntry[] {
  return asar.listPackage(asarPath, { isPack: false }).map((listed) => {
    const path = listed.replace(/\\/g, '/').replace(/^\//, '');
    const entry = asar.statFile(asarPath, path, false);
    const isFile = 'size' in entry;
    return { path, isFile, unpacked: isFile && entry.unpacked === true };
  });
}

/**
 * The packages in app.asar as name@version, read from their package.json. electron-builder
 * hoists them its own way, so their folders need not match node_modules on disk.
 */
export function packagedPackages(asarPath: string, entries: AsarEntry[]): string[] {
  return entries
    .filter((entry) => entry.isFile && /(^|\/)node_modules\/(@[^/]+\/)?[^/@]+\/package\.json$/.test(entry.path))
    .map((entry) => {
      const manifest = JSON.parse(asar.extractFile(asarPath, entry.path).toString('utf8')) as { name: string; version: string };
      return `${manifest.name}@${manifest.version}`;
    });
}

/** name@version of every package npm installed only for development (package-lock "dev": true, nowhere else). */
export function devOnlyPackages(lockFile: string): Set<string> {
  const lock = JSON.parse(readFileSync(lockFile, 'utf8')) as { packages: Record<string, { name?: string; version?: string; dev?: boolean }> };
  const dev = new Set<string>();
  const runtime = new Set<string>();
  for (const [key, info] of Object.entries(lock.packages)) {
    if (key === '' || info.version === undefined) continue;
    const name = info.name ?? key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length);
    (info.dev === true ? dev : runtime).add(`${name}@${info.version}`);
  }
  return new Set([...dev].filter((id) => !runtime.has(id)));
}

/**
 * A copy of the resources folder that plain Node can run: app.asar extracted into a folder of
 * the same name, and everything beside it (app.asar.unpacked, migrations, models, icons) linked
 * to the packaged one. Modules then see the paths Electron shows them (…/resources/app.asar/…),
 * and any path the app rewrites to app.asar.unpacked lands in the real layout.
 */
export function mirrorResources(layout: PackageLayout, into: string): string {
  const resources = join(into, 'resources');
  mkdirSync(resources, { recursive: true });
  asar.extractAll(layout.asarPath, join(resources, 'app.asar'));
  for (const name of readdirSync(layout.resourcesDir)) {
    if (name !== 'app.asar') symlinkSync(join(layout.resourcesDir, name), join(resources, name));
  }
  return resources;
}

/** Runs Node (the project's, the one running the tests) with `args` in `cwd`. */
export function runNode(args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, args, { cwd: options.cwd, env: options.env ?? process.env, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}` };
}

const ELF_MACHINES: Record<string, number> = { x64: 62, arm64: 183 };

/** The CPU an ELF file is built for ('x64', 'arm64', 'other'), or 'not ELF' (Mach-O, PE, …). */
export function binaryArch(file: string): string {
  const header = Buffer.alloc(20);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, header, 0, header.length, 0);
  } finally {
    closeSync(fd);
  }
  if (header.readUInt32BE(0) !== 0x7f454c46) return 'not ELF';
  const machine = header.readUInt16LE(18);
  return Object.entries(ELF_MACHINES).find(([, code]) => code === machine)?.[0] ?? 'other';
}

/** Width and height of a PNG, from its IHDR chunk. */
export function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** Every file under `dir`, relative, with forward slashes. */
export function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).replace(/\\/g, '/'))
    .sort();
}
