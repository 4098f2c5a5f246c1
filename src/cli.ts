/**
 * The command-line interface: `referat convert`, `referat schema` (and the commands added beside them).
 * What only one command needs (DuckDB export, the JSON Schema, the readers) is imported when it runs.
 */
import { Command, Option } from 'commander';
import { VERSION } from './version.js';
import { createLogger } from './log.js';
import type { ConvertOptions } from './commands/convert.js';
import { CONVERT_OPTION_HELP } from './commands/convert-options.js';
import { registerValidateCommand } from './commands/validate.js';
import { registerServeCommand } from './commands/serve.js';
import { registerWorkerCommand } from './commands/worker.js';

export async function main(argv: string[]): Promise<number> {
  const program = new Command();
  let exitCode = 0;
  program
    .name('referat')
    .description('Danish meeting minutes (referater) in, structured and validated JSON out.')
    .version(VERSION)
    .addOption(new Option('--log-json', 'write logs as JSON lines to stderr'))
    .addOption(new Option('--verbose', 'more log output'))
    .showHelpAfterError()
    .exitOverride();

  program
    .command('convert')
    .description('convert PDF, DOCX, HTML or text minutes into one JSON file each')
    .argument('<inputs...>', 'files or folders (folders are walked)')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('-q, --quiet', 'print only errors')
    .option('-j, --jobs <n>', CONVERT_OPTION_HELP.jobs)
    .option('--force', CONVERT_OPTION_HELP.force)
    .option('--timeout <seconds>', CONVERT_OPTION_HELP.timeout, '60')
    .option('--max-size <size>', CONVERT_OPTION_HELP.maxSize, '100MB')
    .option('--ndjson <file>', CONVERT_OPTION_HELP.ndjson)
    .option('--no-db', CONVERT_OPTION_HELP.noDb)
    .option('--summary-json <file>', CONVERT_OPTION_HELP.summaryJson)
    .option('--queue <url>', CONVERT_OPTION_HELP.queue)
    .option('--inline-max <size>', CONVERT_OPTION_HELP.inlineMax)
    .option('--in-flight <n>', CONVERT_OPTION_HELP.inFlight)
    .option('--config <file>', CONVERT_OPTION_HELP.config)
    .option('--follow-symlinks', CONVERT_OPTION_HELP.followSymlinks)
    .addOption(new Option('--ocr <mode>', CONVERT_OPTION_HELP.ocr).choices(['auto', 'off', 'force']).default('auto'))
    .action(async (inputs: string[], opts: ConvertOptions) => {
      const { runConvert } = await import('./commands/convert.js');
      const log = createLogger({ json: program.opts().logJson, verbose: program.opts().verbose });
      exitCode = await runConvert(inputs, opts, log);
    });

  program
    .command('export')
    .description('write the analysis tables of a converted folder as CSV or Parquet files')
    .argument('<out-folder>', 'a folder written by referat convert')
    .option('-f, --format <format>', 'csv or parquet', 'csv')
    .option('--to <dir>', 'where the files go (default: <out-folder>/tables)')
    .option('-q, --quiet', 'print only errors')
    .action(async (outDir: string, opts: { format: string; to?: string; quiet?: boolean }) => {
      const { runExport } = await import('./commands/export.js');
      exitCode = await runExport(outDir, opts);
    });

  registerValidateCommand(program, (code) => (exitCode = code));
  registerServeCommand(program, (code) => (exitCode = code));
  registerWorkerCommand(program, (code) => (exitCode = code));

  program
    .command('schema')
    .description('print the JSON Schema of the output')
    .action(async () => {
      const { jsonSchema } = await import('../schemas/json-schema.js');
      process.stdout.write(JSON.stringify(jsonSchema(), null, 2) + '\n');
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return 0;
    if (typeof err.exitCode === 'number') return err.exitCode === 1 ? 2 : err.exitCode;
    console.error(`referat: ${(e as Error).message}`);
    return 2;
  }
  return exitCode;
}
