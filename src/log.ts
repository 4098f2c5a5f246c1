/**
 * pino logger: quiet by default (warnings and up), JSON lines with --log-json, and otherwise one readable
 * line per record ("referat debug: converted file=… ms=…"), so that --verbose can be read on a terminal.
 */
import { createRequire } from 'node:module';
import type { Logger } from 'pino';

const require = createRequire(import.meta.url);
/** pino itself (CommonJS), loaded when a logger first writes: a command that logs nothing does not load it. */
const loadPino = () => require('pino') as typeof import('pino').default;

const LEVEL_NAMES: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/** One pino JSON record as a line for people: level, message, then the fields as key=value. */
export function readableRecord(json: string): string {
  let rec: Record<string, unknown>;
  try {
    rec = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.trimEnd();
  }
  const { level, msg, time: _time, err, ...fields } = rec;
  const parts = Object.entries(fields).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`);
  const error = err && typeof err === 'object' ? ` (${String((err as { message?: unknown }).message ?? '')})` : '';
  return `referat ${LEVEL_NAMES[level as number] ?? String(level)}: ${String(msg ?? '')}${error}${parts.length ? '  ' + parts.join(' ') : ''}`;
}

export function createLogger(opts: { json?: boolean; verbose?: boolean }): Logger {
  const level = opts.verbose ? 'debug' : opts.json ? 'info' : 'warn';
  const make = (): Logger => {
    const pino = loadPino();
    if (opts.json) return pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime }, pino.destination(2));
    return pino({ level, base: undefined, timestamp: false }, { write: (s: string) => void process.stderr.write(readableRecord(s) + '\n') });
  };
  return opts.json || opts.verbose ? make() : quietUntilWarned(make);
}

const BELOW_WARN = new Set(['trace', 'debug', 'info']);

/**
 * The default logger (warnings and up): debug and info records are dropped without pino, which is
 * loaded at the first warning or at any other use of the logger.
 */
function quietUntilWarned(make: () => Logger): Logger {
  let real: Logger | null = null;
  const noop = () => undefined;
  return new Proxy({} as Logger, {
    get(_target, key) {
      if (typeof key === 'string' && BELOW_WARN.has(key)) return noop;
      if (key === 'level') return 'warn';
      if (key === 'isLevelEnabled') return (l: string) => !BELOW_WARN.has(l);
      real ??= make();
      const value = Reflect.get(real, key) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real) : value;
    },
  });
}

/**
 * With --log-json every line on stderr is JSON: the tool's own lines (errors, progress, summaries; pino's
 * lines are JSON already) are wrapped as {"level":30,"time","msg"} in pino's shape, so a log collector
 * reads the whole stream (the exit code, not the level, says whether the run failed). Lines that are JSON objects already pass unchanged.
 */
export function jsonLinesOnStderr(stream: NodeJS.WriteStream = process.stderr): void {
  const write = stream.write.bind(stream) as (chunk: string | Uint8Array, ...rest: unknown[]) => boolean;
  let pending = '';
  const wrap = (line: string) => (line.startsWith('{') && line.endsWith('}') ? line : JSON.stringify({ level: 30, time: new Date().toISOString(), msg: line }));
  stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
    pending += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    // a progress bar's carriage returns: only the text after the last one is the line
    const out = lines.map((l) => l.slice(l.lastIndexOf('\r') + 1)).filter((l) => l.trim() !== '').map((l) => wrap(l) + '\n').join('');
    const cb = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
    if (!out) {
      cb?.();
      return true;
    }
    return write(out, cb);
  }) as typeof stream.write;
  process.once('exit', () => {
    if (pending.trim()) write(wrap(pending) + '\n');
  });
}
