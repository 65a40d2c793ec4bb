import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SCHEMA_VERSION } from '@parallax/schema';
import { extractCommand, type ExtractFormat } from './commands/extract.js';
import { ingestCommand } from './commands/ingest.js';
import { exportCommand, importCommand, searchCommand, statsCommand } from './commands/query.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { ExitCode, processIo, type Io } from './io.js';

/** A commander parser for a whole-number option of at least `min`; anything else is a usage error naming it. */
function wholeNumber(what: string, min: number): (v: string) => number {
  return (v) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min) throw new InvalidArgumentError(`give ${what} as a whole number of at least ${min}`);
    return n;
  };
}

export function buildProgram(io: Io, setExit: (code: number) => void): Command {
  const program = new Command('parallax')
    .description('Compare how news outlets cover the same story: articles, attributed quotes and claims, linked across outlets.')
    .version(`parallax 0.1.0 (schema v${SCHEMA_VERSION})`)
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr })
    .exitOverride()
    .showHelpAfterError('(run parallax --help for usage)');

  program
    .command('extract')
    .description('extract articles, quotes and claims from text, HTML or Article JSON files, directories, or - (stdin)')
    .argument('<inputs...>', 'files, directories (walked recursively), or - for standard input')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'jsonl', 'table']).default('json'))
    .option('--max-bytes <n>', 'largest input accepted, in bytes', wholeNumber('a size in bytes', 1))
    .action(async (inputs: string[], options: { format: ExtractFormat; maxBytes?: number }) => setExit(await extractCommand(inputs, options.maxBytes ? { format: options.format, maxBytes: options.maxBytes } : { format: options.format }, io)));

  const dbOption = () => new Option('--db <url>', 'store: a SQLite file or a postgres:// URL (default: $PARALLAX_DB or ./parallax.db)');

  program
    .command('ingest')
    .description('extract, link and store files, directories, URLs or - (stdin); idempotent and resumable')
    .argument('<inputs...>', 'files, directories (recursive), http(s) URLs, or - for standard input')
    .addOption(dbOption())
    .option('--json', 'print the summary as JSON on stdout')
    .option('--workers <n>', 'extraction threads (default: every core; 0: main thread)', wholeNumber('the number of workers', 0))
    .option('--max-bytes <n>', 'largest input accepted, in bytes', wholeNumber('a size in bytes', 1))
    .option('--timeout <seconds>', 'per-URL fetch timeout', wholeNumber('seconds', 1))
    .option('--batch-size <n>', 'articles stored per transaction (default 2000 into a SQLite file, else 1000; smaller: results appear sooner, a killed run redoes less)', wholeNumber('a number of articles', 1))
    .action(async (inputs: string[], options: { db?: string; json?: boolean; workers?: number; maxBytes?: number; timeout?: number; batchSize?: number }) => setExit(await ingestCommand(inputs, options, io)));

  program
    .command('search')
    .description('full-text search over articles, quotes and claims')
    .argument('<words...>', 'what to look for')
    .addOption(dbOption())
    .addOption(new Option('--type <type>', 'only one kind of record').choices(['article', 'quote', 'claim']))
    .option('--story <id>', 'only in this story')
    .option('--outlet <id>', 'only from this outlet')
    .option('--speaker <id>', 'only quotes by this entity')
    .option('--from <date>', 'only articles published on or after (YYYY-MM-DD)')
    .option('--to <date>', 'only articles published on or before (YYYY-MM-DD)')
    .option('--limit <n>', 'number of results (default 20)')
    .option('--json', 'print results as JSON')
    .action(async (words: string[], options: Record<string, string | boolean | undefined>) => setExit(await searchCommand(words, options as never, io)));

  program
    .command('stats')
    .description('count what the store holds')
    .addOption(dbOption())
    .option('--json', 'print as JSON')
    .action(async (options: { db?: string; json?: boolean }) => setExit(await statsCommand(options, io)));

  program
    .command('export')
    .description('write the whole store: a Bundle (json), records a line (jsonl), schema.org JSON-LD, or quotes and claims as CSV')
    .addOption(dbOption())
    .addOption(new Option('-f, --format <format>', 'output format').choices(['json', 'jsonl', 'jsonld', 'csv']).default('json'))
    .action(async (options: { db?: string; format: 'json' | 'jsonl' | 'jsonld' | 'csv' }) => setExit(await exportCommand(options, io)));

  program
    .command('import')
    .description('store a bundle written by parallax export (json or jsonl)')
    .argument('<file>', 'a .json bundle or a .jsonl export')
    .addOption(dbOption())
    .option('--json', 'print the result as JSON')
    .action(async (file: string, options: { db?: string; json?: boolean }) => setExit(await importCommand(file, options, io)));

  program
    .command('validate')
    .description('check that bundle files (or - for stdin) follow the Parallax schema')
    .argument('<files...>', 'bundle JSON files, or - for standard input')
    .action(async (files: string[]) => setExit(await validateCommand(files, io)));

  program
    .command('schema')
    .description('print the JSON Schema of a record (bundle, article, quote, ...), or list them')
    .argument('[record]', 'record name; omit to list')
    .option('--input', 'the input-mode schema (what producers send) instead of the output mode')
    .action((record: string | undefined, options: { input?: boolean }) => setExit(schemaCommand(record, options, io)));

  return program;
}

/** Run the CLI with these arguments; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo): Promise<number> {
  let code: number = ExitCode.ok;
  const program = buildProgram(io, (c) => (code = c));
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      return error.exitCode === 0 ? ExitCode.ok : ExitCode.usage;
    }
    io.stderr(`parallax: ${(error as Error).message}\n`);
    return ExitCode.failed;
  }
  return code;
}
