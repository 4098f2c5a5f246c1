/** pino logger: quiet by default on a terminal (warnings and up), JSON lines with --log-json. */
import pino, { type Logger } from 'pino';

export function createLogger(opts: { json?: boolean; verbose?: boolean }): Logger {
  const level = opts.verbose ? 'debug' : opts.json ? 'info' : 'warn';
  return pino({ level, base: undefined, timestamp: opts.json ? pino.stdTimeFunctions.isoTime : false }, pino.destination(2));
}
