// A writer for the killed-process test: saves up to 2,000 variants of the corpus articles, each with its
// journal entry marked done in the same transaction, printing how many it has saved. The test kills it.
import { openStore } from '../src/open-store.js';
import { corpusRecords, recordsFromText } from './records.js';

const [url, schema] = process.argv.slice(2);
const store = await openStore(url, schema ? { schema } : {});
const base = corpusRecords();
const inputs = Array.from({ length: 100_000 }, (_, i) => `killed-run/${i}.txt`);
await store.recordPending(inputs.slice(0, 2000));
// Never outlive the test: stop when the parent goes away (a killed test run) or the journal runs out.
const parent = process.ppid;
for (let i = 0; i < 2000 && process.ppid === parent; i++) {
  const r = base[i % base.length]!;
  const text = `${r.article.headline ?? ''}\n\n${r.article.body}\n\n"This is saved copy ${i}," the test said.`;
  await store.saveArticle(recordsFromText(text, { sourcePath: inputs[i]! }), { input: inputs[i]! });
  process.stdout.write(`${i + 1}\n`);
}
await store.close();
