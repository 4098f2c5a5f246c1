/** The help texts of `referat convert`'s options (apart from the command, so that the CLI can list them without loading the batch runner). */
export const CONVERT_OPTION_HELP = {
  jobs: 'worker threads converting in parallel (default: one per core)',
  force: 'convert every file again, even when the manifest says it is done and unchanged',
  timeout: `per-file time limit in seconds; a file that takes longer fails and its worker is replaced (0 = none; the same for every format: workers load the PDF engine before their first file)`,
  maxSize: `larger files fail without being read; a number of MB, or with a unit: 500k, 20MB, 1G`,
  ndjson: 'also write every result as one line of JSON to <file>, or to stdout with "-"',
  noDb: `do not build the analysis database (referat.duckdb) in the output folder`,
  summaryJson: 'write the run summary (counts, times, throughput, memory) as JSON to <file>, or to stdout with "-"',
  queue: 'convert on workers taking jobs from this Redis (redis://host:6379[/db]) instead of local threads; start them with "referat worker --queue <url>"',
  inlineMax: 'with --queue: inputs up to this size travel inside the job (default 8MB); larger ones by path, which the workers must see at the same path (0 = all by path)',
  inFlight: 'with --queue: documents on the queue at once (default 128, enough for 64 worker threads)',
  config: 'the rule configuration (default: the nearest .referatrc.json in the working folder or above); outputs made with another configuration are converted again',
  followSymlinks: 'follow symbolic links that lead outside the folders given (default: they are skipped and listed)',
  ocr: 'OCR (Tesseract, Danish) of scanned PDF pages: auto = pages without a usable text layer, off, force = every page',
} as const;
