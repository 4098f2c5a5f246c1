/**
 * `referat serve [--port 8080] [--host 127.0.0.1]`: the secretariat's review page and the HTTP API
 * (src/serve/). Bound to the loopback address unless --host says otherwise.
 */
import type { Command } from 'commander';
import type { Logger } from 'pino';
import { createLogger } from '../log.js';
import { CONVERT_OPTION_HELP } from './convert-options.js';
import { CONFIG_FILE } from '../validate/config-file.js';

export interface ServeCommandOptions {
  port: string;
  host: string;
  jobs?: string;
  timeout: string;
  maxSize: string;
  config?: string;
  rule: string[];
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/** Runs the server until SIGINT/SIGTERM; returns the exit code (2 for bad usage or a port that cannot be opened). */
export async function runServe(opts: ServeCommandOptions, log: Logger, err = (s: string) => process.stderr.write(s + '\n')): Promise<number> {
  const port = Number(opts.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    err(`referat serve: --port must be a port number (0-65535), not "${opts.port}"`);
    return 2;
  }
  let settings;
  // the option parsers of `referat convert`, so --jobs, --timeout and --max-size read the same
  const { parseJobs, parseSize, parseTimeout } = await import('./convert.js');
  const { BatchError } = await import('../batch/run.js');
  const { applyRuleOptions, ConfigError, loadConfigFile } = await import('../validate/config.js');
  try {
    const loaded = await loadConfigFile(opts.config);
    settings = {
      jobs: parseJobs(opts.jobs),
      timeoutMs: parseTimeout(opts.timeout),
      maxBytes: parseSize(opts.maxSize),
      rules: applyRuleOptions(loaded.config, opts.rule),
      configPath: loaded.path,
    };
  } catch (e) {
    if (e instanceof ConfigError || e instanceof BatchError) {
      err(`referat serve: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }

  const { createReviewServer } = await import('../serve/server.js');
  // on the loopback address, only the names of this machine (a rebound DNS name is refused)
  const allowedHosts = LOOPBACK.test(opts.host) ? ['localhost', '127.0.0.1', '::1', opts.host] : null;
  const { app, warm } = await createReviewServer({ ...settings, log, allowedHosts });
  let address: string;
  try {
    address = await app.listen({ port, host: opts.host });
  } catch (e) {
    await app.close();
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'EADDRINUSE' ? `port ${port} is in use: choose another with --port` : code === 'EACCES' ? `no permission to open port ${port}: choose one above 1023` : (e as Error).message;
    err(`referat serve: ${why}`);
    return 2;
  }
  // the workers load their readers before the address is shown, so the first upload does not wait
  await warm();
  // the address a browser can open (an IPv6 literal in brackets, as listen gives it)
  const shown = address.replace('://0.0.0.0:', '://127.0.0.1:').replace('://[::]:', '://localhost:') + '/';
  err(`referat: the review page is running at ${shown} — open it in a browser (Ctrl+C stops)`);
  if (!LOOPBACK.test(opts.host)) err(`referat: bound to ${opts.host}: the page and the API can be reached from the network`);

  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await app.close();
  return 0;
}

export function registerServeCommand(program: Command, setExit: (code: number) => void): void {
  program
    .command('serve')
    .description('start the review page and the HTTP API (local: bound to 127.0.0.1 unless --host says otherwise)')
    .option('-p, --port <port>', 'port to listen on', '8080')
    .option('--host <address>', 'address to bind (0.0.0.0 to be reachable from the network)', '127.0.0.1')
    .option('-j, --jobs <n>', 'conversion workers (default: one per core)')
    .option('--timeout <seconds>', 'time limit of one conversion in seconds (0 = none)', '60')
    .option('--max-size <size>', CONVERT_OPTION_HELP.maxSize, '100MB')
    .option('-c, --config <file>', `rule configuration (default: ${CONFIG_FILE} in the working folder)`)
    .option('-r, --rule <id=level>', 'turn a rule off or re-grade it: off, info, warning or error (repeatable)', (v: string, all: string[]) => [...all, v], [] as string[])
    .action(async (opts: ServeCommandOptions) => {
      const log = createLogger({ json: program.opts().logJson, verbose: program.opts().verbose });
      setExit(await runServe(opts, log));
    });
}
