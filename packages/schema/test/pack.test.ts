// Proves the package is reusable outside the monorepo: `npm pack` gives a tarball that a scratch
// project installs, imports as ESM and type-checks against, with the JSON Schema files inside.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const pkgDir = fileURLToPath(new URL('..', import.meta.url));
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const scratch = mkdtempSync(join(tmpdir(), 'parallax-pack-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function run(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
  }
}

describe('npm pack', () => {
  it('installs in a scratch project, imports as ESM with types, and ships the JSON Schema', () => {
    run('npm', ['pack', '--pack-destination', scratch, '--silent'], pkgDir);
    const tarball = readdirSync(scratch).find((f) => f.endsWith('.tgz'));
    expect(tarball).toBeDefined();
    writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    run('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', `./${tarball}`], scratch);

    writeFileSync(
      join(scratch, 'use.ts'),
      `import { Quote, makeId, toQuotation, type Quote as QuoteT } from '@parallax/schema';
const articleId = makeId('article', 'x');
const quote: QuoteT = Quote.parse({ id: makeId('quote', articleId, 0, 'Hello'), articleId, text: 'Hello', span: { start: 0, end: 5 },
  kind: 'direct', segments: [{ start: 0, end: 5 }], speaker: null, via: null, cue: null, confidence: 1, clusterId: null });
const kind: 'direct' | 'partial' | 'mixed' | 'indirect' = quote.kind;
console.log(JSON.stringify({ kind, type: toQuotation(quote)['@type'] }));
`,
    );
    writeFileSync(
      join(scratch, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { target: 'es2023', module: 'nodenext', moduleResolution: 'nodenext', strict: true, noEmit: false, outDir: 'out', types: [] }, files: ['use.ts'] }),
    );
    run(process.execPath, [tsc, '-p', 'tsconfig.json'], scratch);
    writeFileSync(join(scratch, 'out', 'package.json'), JSON.stringify({ type: 'module' }));
    expect(JSON.parse(run(process.execPath, ['out/use.js'], scratch))).toEqual({ kind: 'direct', type: 'Quotation' });

    const schemaCheck = run(
      process.execPath,
      ['--input-type=module', '-e', "import { createRequire } from 'node:module'; const r = createRequire(import.meta.url + '/'); console.log(r.resolve('@parallax/schema/json-schema/bundle.json').endsWith('bundle.json'))"],
      scratch,
    );
    expect(schemaCheck.trim()).toBe('true');
  }, 120_000);
});
