import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findUp } from '../paths';

/** Where the embedding worker's code is, and how Node must be started to run it. */
export interface WorkerLocation {
  url: URL;
  execArgv: string[];
}

/** The worker's bundle name: electron.vite.config.ts builds worker.ts to out/main/embed-worker.js. */
export const BUILT_WORKER_FILE = 'embed-worker.js';

/**
 * Built (out/main/*.js, possibly from out/main/chunks/): the sibling embed-worker.js bundle.
 * From TypeScript source (vitest, tsx): worker.ts beside this file, run through tsx's loader.
 */
export function locateEmbedWorker(moduleUrl: string = import.meta.url): WorkerLocation {
  const here = dirname(fileURLToPath(moduleUrl));
  if (moduleUrl.endsWith('.ts')) {
    // Resolved from here, not from the working directory, so it works wherever tests start.
    const tsx = createRequire(moduleUrl).resolve('tsx');
    return { url: pathToFileURL(join(here, 'worker.ts')), execArgv: ['--import', pathToFileURL(tsx).href] };
  }
  const built = findUp(here, BUILT_WORKER_FILE);
  if (built === undefined) {
    throw new Error(`Cairn cannot find ${BUILT_WORKER_FILE} next to its main bundle; the installation is incomplete.`);
  }
  return { url: pathToFileURL(built), execArgv: [] };
}
