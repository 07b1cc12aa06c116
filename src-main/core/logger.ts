/** Structured, content-free logs: events and ids, never what a person wrote. */
export interface Logger {
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export function createConsoleLogger(write: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Logger {
  const log = (level: string) => (event: string, fields: Record<string, unknown> = {}) => {
    write(JSON.stringify({ time: new Date().toISOString(), level, event, ...fields }));
  };
  return { info: log('info'), warn: log('warn'), error: log('error') };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };

/** One logger that writes to each of `loggers` (the console, the log files, recent errors). */
export function combineLoggers(...loggers: Logger[]): Logger {
  return {
    info: (event, fields) => loggers.forEach((logger) => logger.info(event, fields)),
    warn: (event, fields) => loggers.forEach((logger) => logger.warn(event, fields)),
    error: (event, fields) => loggers.forEach((logger) => logger.error(event, fields)),
  };
}
