import { readFile } from 'node:fs/promises';
import { Bundle } from '@parallax/schema';
import { ExitCode, type Io } from '../io.js';

/** Check that each file (or "-" for stdin) holds a Bundle the schema accepts; report each problem with its path. */
export async function validateCommand(inputs: string[], io: Io): Promise<number> {
  let failed = 0;
  for (const input of inputs) {
    let text: string;
    try {
      text = input === '-' ? await io.readStdin() : await readFile(input, 'utf8');
    } catch (error) {
      io.stderr(`${input}: cannot read: ${(error as Error).message}\n`);
      failed++;
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      io.stderr(`${input}: not JSON: ${(error as Error).message}. Give a file written by \`parallax extract --format json\`.\n`);
      failed++;
      continue;
    }
    const result = Bundle.safeParse(json);
    if (result.success) {
      const b = result.data;
      io.stderr(`${input}: valid bundle (${b.articles.length} articles, ${b.quotes.length} quotes, ${b.claims.length} claims)\n`);
    } else {
      failed++;
      for (const issue of result.error.issues.slice(0, 20)) io.stderr(`${input}: ${issue.path.join('.') || '(root)'}: ${issue.message}\n`);
      if (result.error.issues.length > 20) io.stderr(`${input}: ... and ${result.error.issues.length - 20} more problems\n`);
    }
  }
  return failed ? ExitCode.failed : ExitCode.ok;
}
