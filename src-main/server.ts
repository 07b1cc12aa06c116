import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { createCore } from './core/create-core';
import { describeFailure } from './core/describe-failure';
import { isEntryPoint } from './entry-point';
import { locateMigrations, locateRenderer } from './core/locate';
import { createConsoleLogger } from './core/logger';
import { resolveDataDir } from './core/paths';
import { startHttpServer } from './transport/http';
import { APP_VERSION } from './version';

export interface ServerRun {
  url: string;
  stop(): Promise<void>;
}

const USAGE = `Usage: cairn-server [--port N] [--host ADDRESS] [--browser] [--no-open]
  --port N        port to listen on (0 picks a free one; default from settings, 7437)
  --host ADDRESS  listen on another address, e.g. 0.0.0.0 for your LAN (token still required)
  --browser       browser mode: also open the app in your default browser
  --no-open       do not open a browser`;

/**
 * Headless Cairn: core + HTTP API + the built renderer. `npm run serve` and browser mode of
 * `npm start` both run this.
 */
export async function runServer(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<ServerRun> {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      browser: { type: 'boolean', default: false },
      'no-open': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    process.exit(0);
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
    throw new Error(`--port must be a whole number from 0 to 65535, not "${values.port}".`);
  }
  const dataDir = resolveDataDir(env);
  const core = createCore({
    dataDir,
    migrationsFolder: locateMigrations(import.meta.url),
    version: APP_VERSION,
    logger: createConsoleLogger(),
    watchExternalChanges: true,
  });
  try {
    const newToken = core.tokens.ensureApiToken(env['CAIRN_TOKEN']);
    const host = values.host;
    if (host !== '127.0.0.1' && host !== 'localhost' && host !== '::1') {
      process.stdout.write(
        `Warning: listening on ${host} makes Cairn reachable from other devices on your network. ` +
          'Every request still needs your token; use only on networks you trust.\n',
      );
    }
    const server = await startHttpServer({
      core,
      host,
      port: port ?? core.settings.get().httpPort,
      rendererDir: locateRenderer(import.meta.url),
    });
    process.stdout.write(`Cairn listening on ${server.url}\n`);
    process.stdout.write(`Data folder: ${dataDir}\n`);
    if (newToken !== undefined) {
      process.stdout.write(`API token for scripts and phones (shown once, keep it safe): ${newToken}\n`);
    }
    const openUrl = `${server.url}/#login=${core.tokens.createLoginCode()}`;
    process.stdout.write(`Open Cairn (one-time link, valid 10 minutes): ${openUrl}\n`);
    if (values.browser && !values['no-open'] && env['CI'] === undefined) openInBrowser(openUrl);
    let stopping: Promise<void> | undefined;
    return {
      url: server.url,
      stop: () => {
        stopping ??= (async () => {
          await server.close();
          await core.dispose();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await core.dispose();
    throw error;
  }
}

function openInBrowser(url: string): void {
  const command =
    process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer.exe' : 'xdg-open';
  if (process.platform === 'linux' && process.env['DISPLAY'] === undefined && process.env['WAYLAND_DISPLAY'] === undefined) {
    return;
  }
  try {
    const child = spawn(command, [url], { stdio: 'ignore', detached: true });
    child.on('error', () => undefined);
    child.unref();
  } catch {
    // No default browser: the printed link is enough.
  }
}

const STOP_DEADLINE_MS = 15_000;

/** Runs the server until SIGINT/SIGTERM, then shuts down gracefully. Prints plain errors. */
export function runServerMain(argv: readonly string[]): void {
  runServer(argv).then(
    (run) => {
      const shutdown = () => {
        // Every write is its own transaction, so a stop that hangs can be cut short safely.
        setTimeout(() => {
          process.stderr.write(`Cairn did not stop within ${STOP_DEADLINE_MS / 1000} s; exiting anyway.\n`);
          process.exit(1);
        }, STOP_DEADLINE_MS).unref();
        run.stop().then(
          () => process.exit(0),
          () => process.exit(1),
        );
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
    },
    (error: unknown) => {
      const isUsage = error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS');
      process.stderr.write(isUsage ? `${(error as Error).message}\n${USAGE}\n` : `${describeFailure(error)}\n`);
      process.exit(isUsage ? 2 : 1);
    },
  );
}

if (isEntryPoint(import.meta.url)) runServerMain(process.argv.slice(2));
