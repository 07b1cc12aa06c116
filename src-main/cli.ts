import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { OperationName } from '../src-shared/contract';
import { errorAdvice } from '../src-shared/errors';
import { createCore } from './core/create-core';
import { describeFailure } from './core/describe-failure';
import { isEntryPoint } from './entry-point';
import { locateMigrations } from './core/locate';
import { createConsoleLogger } from './core/logger';
import { resolveDataDir } from './core/paths';
import { APP_VERSION } from './version';

const USAGE = `Usage:
  cairn add "text"        capture a thought (use - to read the text from standard input)
      --tag NAME          add a tag (repeatable); #tags in the text work too
      --type TYPE         note | idea | question | journal | reflection | task
  cairn list [--limit N]  the newest thoughts
  cairn search "words"    find thoughts
  cairn --version

Data folder: ${resolveDataDir()} (set CAIRN_DATA_DIR to use another)`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  readStdin: () => string;
  env: NodeJS.ProcessEnv;
}

/** Runs one CLI command against the same database as the app; returns the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        tag: { type: 'string', multiple: true },
        type: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', short: 'v', default: false },
      },
    });
  } catch (error) {
    io.stderr(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${APP_VERSION}\n`);
    return 0;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.stdout(`${USAGE}\n`);
    return command === undefined && !values.help ? 2 : 0;
  }
  let request: { operation: OperationName; input: Record<string, unknown> };
  switch (command) {
    case 'add': {
      const text = rest.length === 1 && rest[0] === '-' ? io.readStdin() : rest.join(' ');
      request = {
        operation: 'thoughts.capture',
        input: { text, ...(values.tag ? { tags: values.tag } : {}), ...(values.type ? { type: values.type } : {}) },
      };
      break;
    }
    case 'list':
      request = { operation: 'thoughts.list', input: { limit: values.limit === undefined ? 20 : Number(values.limit) } };
      break;
    case 'search':
      request = { operation: 'search.query', input: { query: rest.join(' ') } };
      break;
    default:
      io.stderr(`Unknown command "${command}".\n${USAGE}\n`);
      return 2;
  }

  let core;
  try {
    core = createCore({
      dataDir: resolveDataDir(io.env),
      migrationsFolder: locateMigrations(import.meta.url),
      version: APP_VERSION,
      logger: createConsoleLogger(),
      runJobs: false,
    });
  } catch (error) {
    io.stderr(`${describeFailure(error)}\n`);
    return 1;
  }
  try {
    const result = await core.dispatcher.dispatch(request.operation, request.input, { door: 'cli' });
    if (!result.ok) {
      io.stderr(`${result.error.message} [${result.error.code}]\n${errorAdvice[result.error.code]}\n`);
      return 1;
    }
    io.stdout(values.json ? `${JSON.stringify(result.value)}\n` : render(request.operation, result.value));
    return 0;
  } finally {
    await core.dispose();
  }
}

function render(operation: OperationName, value: unknown): string {
  if (operation === 'thoughts.capture') {
    const thought = value as { id: string; tags: { name: string }[] };
    const tags = thought.tags.length > 0 ? ` (${thought.tags.map((tag) => `#${tag.name}`).join(' ')})` : '';
    return `Saved ${thought.id}${tags}\n`;
  }
  if (operation === 'thoughts.list') {
    const { items } = value as { items: { id: string; createdAt: string; text: string }[] };
    if (items.length === 0) return 'No thoughts yet.\n';
    return items.map((item) => `${localTime(item.createdAt)}  ${firstLine(item.text)}\n`).join('');
  }
  const { items } = value as { items: { thought: { createdAt: string }; snippet: string }[] };
  if (items.length === 0) return 'No thoughts match.\n';
  return items.map((hit) => `${localTime(hit.thought.createdAt)}  ${firstLine(hit.snippet)}\n`).join('');
}

/** "2026-11-22 08:34" in this computer's time zone. */
function localTime(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

function firstLine(text: string): string {
  const line = text.split('\n', 1)[0] ?? '';
  return line.length > 100 ? `${line.slice(0, 99)}…` : line;
}

export async function main(): Promise<void> {
  const code = await runCli(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin: () => readFileSync(0, 'utf8'),
    env: process.env,
  });
  process.exitCode = code;
}

if (isEntryPoint(import.meta.url)) await main();
