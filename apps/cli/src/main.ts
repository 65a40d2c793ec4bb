import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { SCHEMA_VERSION } from '@parallax/schema';
import { extractCommand, type ExtractFormat } from './commands/extract.js';
import { schemaCommand } from './commands/schema.js';
import { validateCommand } from './commands/validate.js';
import { ExitCode, processIo, type Io } from './io.js';

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
    .option('--max-bytes <n>', 'largest input accepted, in bytes', (v) => {
      const n = Number(v);
      if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError('give a positive whole number of bytes');
      return n;
    })
    .action(async (inputs: string[], options: { format: ExtractFormat; maxBytes?: number }) => setExit(await extractCommand(inputs, options.maxBytes ? { format: options.format, maxBytes: options.maxBytes } : { format: options.format }, io)));

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
