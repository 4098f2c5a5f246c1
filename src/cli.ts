/**
 * The command-line interface: `referat convert`, `referat schema` (and the commands added beside them).
 * What only one command needs (DuckDB export, the JSON Schema, the readers) is imported when it runs.
 */
import { Command, Option } from 'commander';
import { VERSION } from './version.js';
import { createLogger, jsonLinesOnStderr } from './log.js';
import type { ConvertOptions } from './commands/convert.js';
import { CONVERT_OPTION_HELP } from './commands/convert-options.js';
import { registerValidateCommand } from './commands/validate-command.js';
import { registerServeCommand } from './commands/serve.js';
import { registerWorkerCommand } from './commands/worker.js';
import { EXIT_CODES_HELP } from './commands/conventions.js';
import { startPdfEngineEarly } from './commands/early.js';

/** Examples shown at the end of each command's --help. */
const EXAMPLES: Record<string, string[]> = {
  referat: ['referat convert minutes/ --out out', 'referat validate minutes.pdf', 'referat convert --help'],
  convert: [
    'referat convert samples --out out                      # one JSON per file, out/referat.duckdb',
    'referat convert archive/ --out out --jobs 2 --no-db    # two threads, no analysis tables',
    'referat convert a.pdf --ndjson - --quiet | jq .meeting # the results as JSON lines on stdout',
    'referat convert archive/ --summary-json run.json       # the run summary as a file',
  ],
  validate: [
    'referat validate minutes.docx',
    'referat validate minutes/ --format sarif > findings.sarif',
    'referat validate minutes.pdf --strict --rule placeholder=warning',
  ],
  export: ['referat export out                 # out/tables/*.csv', 'referat export out --format parquet --to tables/'],
  schema: ['referat schema > referat.schema.json'],
  serve: ['referat serve                       # http://127.0.0.1:8080/', 'referat serve --port 0 --jobs 2'],
  worker: ['referat worker --queue redis://coordinator:6379 --jobs 2'],
};

function helpFooter(name: string): string {
  const examples = EXAMPLES[name] ?? [];
  return `${examples.length ? `\nExamples:\n${examples.map((e) => `  $ ${e}`).join('\n')}\n` : ''}${EXIT_CODES_HELP}\n`;
}

export async function main(argv: string[]): Promise<number> {
  // before anything is written, so that usage errors are JSON lines too
  if (argv.includes('--log-json')) jsonLinesOnStderr();
  const program = new Command();
  let exitCode = 0;
  program
    .name('referat')
    .description('Danish meeting minutes (referater) in, structured and validated JSON out.')
    .version(VERSION)
    .addOption(new Option('--log-json', 'write logs as JSON lines to stderr'))
    .addOption(new Option('--verbose', 'more log output'))
    .showSuggestionAfterError()
    // one line naming the problem (commander's "error: …"), then where the usage is (see below), not the whole help
    .configureOutput({ outputError: (str, write) => write(`referat: ${str.replace(/^error: /, '')}`) })
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
      // one PDF converted in this thread (no --jobs, no --queue; see src/batch/run.ts): its reader starts now
      startPdfEngineEarly(inputs, opts.jobs === undefined && !opts.queue);
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

  program.addHelpText('after', helpFooter('referat'));
  for (const command of program.commands) {
    command.addHelpText('after', helpFooter(command.name()));
    command.showHelpAfterError(`(see "referat ${command.name()} --help")`);
    command.showSuggestionAfterError();
  }
  program.showHelpAfterError('(see "referat --help")');

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (e) {
    const err = e as { code?: string; exitCode?: number };
    // --help and --version asked for: 0; the help shown because no command was given (on stderr): a usage error
    if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version') return 0;
    if (err.code === 'commander.help') return 2;
    if (typeof err.exitCode === 'number') return err.exitCode === 1 ? 2 : err.exitCode;
    console.error(`referat: ${(e as Error).message}`);
    return 2;
  }
  return exitCode;
}
