/**
 * The import section in a fresh Node process: `node --import tsx bench/indexing-child.ts <size>
 * <result.json>`. The bench's own process has by then held a million codes, vector sets and
 * corpora (GBs of heap); an app indexing an import does not, and its garbage collections are
 * what captures wait for. A fresh process also makes the peak RSS the indexing's own.
 */
import { spawn } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, ensureCorpus, REPO_ROOT } from './corpus';
import { ensureFullModel } from './full-model';
import { measureIndexing, type IndexingResult } from './indexing';

const SELF = join(REPO_ROOT, 'bench', 'indexing-child.ts');

/** Runs measureIndexing in a child process, passing its progress lines to `log`. */
export async function measureIndexingApart(size: number, log: (line: string) => void): Promise<IndexingResult> {
  const resultFile = join(DATA_DIR, `indexing-${size}-${process.pid}.json`);
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, String(size), resultFile], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => chunk.split('\n').filter((line) => line !== '').forEach((line) => log(`  ${line}`)));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    stderr = (stderr + chunk).slice(-4_000);
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  try {
    if (code !== 0) throw new Error(`the indexing process exited with ${code ?? 'a signal'}: ${stderr.trim()}`);
    return { ...(JSON.parse(readFileSync(resultFile, 'utf8')) as IndexingResult), apart: true };
  } finally {
    rmSync(resultFile, { force: true });
  }
}

async function main(): Promise<void> {
  const [size, resultFile] = process.argv.slice(2);
  if (size === undefined || resultFile === undefined) throw new Error('usage: indexing-child.ts <size> <result.json>');
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const result = await measureIndexing(ensureCorpus(Number(size), undefined, log), ensureFullModel('q8', log), log);
  writeFileSync(resultFile, JSON.stringify(result));
}

if (process.argv[1]?.endsWith('indexing-child.ts') === true) await main();
