// npm run eval: accuracy figures against ../shared/eval (skipped cleanly when absent) and the seeds.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { evalHtml } from './html.js';
import { runPolnear } from './polnear.js';
import { runSeeds } from './seeds.js';

const shared = process.env.PARALLAX_SHARED ?? fileURLToPath(new URL('../../../../shared', import.meta.url));
const corpus = fileURLToPath(new URL('../../../corpus/putin-syria-2015-09', import.meta.url));

runSeeds(corpus);
if (!existsSync(shared)) {
  console.log(`No shared evaluation data at ${shared} (set PARALLAX_SHARED): PolNeAR, Zyte and Readability skipped.`);
} else {
  runPolnear(shared, 'dev');
  // The train split (840 articles, ten times dev) is the wider check: the rules were first built against
  // dev, and articles held back from us score like these, not like the set the rules were read against.
  runPolnear(shared, 'train');
  await evalHtml(shared);
}
