/** The default logger (src/log.ts): warnings and up as readable lines on stderr; debug and info dropped without loading pino. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../src/log.js';

describe('createLogger, default level', () => {
  afterEach(() => vi.restoreAllMocks());

  it('drops debug and info, writes a warning and an error as one readable line each', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation(((s: string) => (lines.push(s), true)) as typeof process.stderr.write);
    const log = createLogger({});
    log.debug({ file: 'a.pdf' }, 'converted');
    log.info('converted');
    expect(lines).toEqual([]);
    expect(log.level).toBe('warn');
    expect(log.isLevelEnabled('info')).toBe(false);
    expect(log.isLevelEnabled('error')).toBe(true);
    log.warn({ file: 'a.pdf' }, 'slow');
    log.error(new Error('boom'), 'failed');
    expect(lines).toEqual(['referat warn: slow  file=a.pdf\n', 'referat error: failed (boom)\n']);
  });

  it('--verbose writes debug records', () => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation(((s: string) => (lines.push(s), true)) as typeof process.stderr.write);
    createLogger({ verbose: true }).debug({ ms: 3 }, 'converted');
    expect(lines).toEqual(['referat debug: converted  ms=3\n']);
  });
});
