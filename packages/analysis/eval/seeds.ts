// The seed story: every direct quote found with the right speaker, no boilerplate left in a body.
// Prints a line per check; the same expectations are asserted in src/quotes/extract.test.ts.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractArticle } from '../src/index.js';

/** Direct quotes of the seed articles, by the words they open with, and who said them. */
const DIRECT: Array<[string, string, string]> = [
  ['000', 'We give technical-military support', 'Vladimir Putin'],
  ['000', 'Extremists from many countries', 'Vladimir Putin'],
  ['000', 'Russia, as you know', 'Vladimir Putin'],
  ['000', 'If Russia had not supported Syria, the situation', 'Vladimir Putin'],
  ['002', 'We support the government of Syria', 'Vladimir Putin'],
  ['002', 'Russia’s support for Assad has lengthened', 'Badr Jamous'],
  ['002', 'If Russia had not supported Syria, then', 'Vladimir Putin'],
  ['002', 'We must sideline geopolitical ambitions', 'Vladimir Putin'],
  ['003', 'We are supporting the government of Syria', 'Vladimir Putin'],
  ['003', 'We have seen indications', 'Jeff Davis'],
  ['003', 'Clearly, one of the concerns', 'Jeff Davis'],
  ['004', "To say we're ready", 'Vladimir Putin'],
  ['004', 'We really want to create', 'Vladimir Putin'],
  ['004', 'To this end, we hold consultations', 'Vladimir Putin'],
];
/** Lines that are not story text; none may survive in a clean body. */
const BOILERPLATE = [/sign up for/i, /get email updates/i, /read more:/i, /leave a comment/i, /on your tv/i, /getty images/i, /pool photo/i, /coverage from post correspondents/i];

export function runSeeds(corpusDir: string): void {
  const files = readdirSync(corpusDir).filter((f) => f.endsWith('.txt'));
  const manifest = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')) as { articles: Array<{ file: string; outlet: string | null; publishedAt: string | null }> };
  const results = new Map(
    files.map((f) => {
      const m = manifest.articles.find((a) => a.file === f);
      return [f.slice(0, 3), extractArticle({ bytes: readFileSync(join(corpusDir, f)), name: f, sourcePath: f, hints: { outlet: m?.outlet ?? null, publishedAt: m?.publishedAt ?? null } })] as const;
    }),
  );
  let found = 0;
  let right = 0;
  for (const [file, start, speaker] of DIRECT) {
    const q = results.get(file)!.quotes.find((x) => x.kind === 'direct' && x.text.replace(/\s+/g, ' ').includes(start));
    if (q) found++;
    if (q?.speaker?.name === speaker) right++;
    else console.log(`  seeds: ${file} “${start}…”: ${q ? `speaker ${q.speaker?.name ?? 'none'}, expected ${speaker}` : 'not found'}`);
  }
  const leaks: string[] = [];
  for (const [file, r] of results) for (const re of BOILERPLATE) if (re.test(r.article.body)) leaks.push(`${file} ${re}`);
  console.log(`Seeds: direct quotes found ${found}/${DIRECT.length}, right speaker ${right}/${DIRECT.length}; boilerplate left in bodies: ${leaks.length ? leaks.join(', ') : 'none'}`);
}
