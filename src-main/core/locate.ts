import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findUp } from './paths';

/**
 * Where the migrations ship: beside the repo in development, under resources/ when packaged
 * (electron-builder extraResources).
 */
export function locateMigrations(fromModuleUrl: string, resourcesPath?: string): string {
  const starts = [resourcesPath, dirname(fileURLToPath(fromModuleUrl))].filter((start) => start !== undefined);
  for (const start of starts) {
    const journal = findUp(start, 'migrations/meta/_journal.json');
    if (journal !== undefined) return dirname(dirname(journal));
  }
  throw new Error('Cairn cannot find its database migrations folder; the installation is incomplete.');
}

/** The built renderer (out/renderer) next to the built main bundle. */
export function locateRenderer(fromModuleUrl: string): string | undefined {
  const index = findUp(dirname(fileURLToPath(fromModuleUrl)), 'renderer/index.html');
  return index === undefined ? undefined : dirname(index);
}
