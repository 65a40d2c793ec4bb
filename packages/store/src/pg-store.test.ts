// The conformance suite against a real PostgreSQL server named by PARALLAX_PG_URL (.ci/run starts one).
// Each test gets its own schema, dropped afterwards, so runs never see each other's rows.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { recordsFromText } from '../test/records.js';
import { openStore } from './open-store.js';
import { newestMatches } from './pg-store.js';
import { killedWriterConformance, storeConformance } from './store.conformance.js';

const url = process.env.PARALLAX_PG_URL;
let counter = 0;

if (!url) {
  const message = 'PARALLAX_PG_URL is not set: PostgreSQL store tests skipped (.ci/run starts a throwaway server and sets it)';
  if (process.env.CI) {
    describe('PostgreSQL store', () => {
    it('needs PARALLAX_PG_URL in CI', () => {
        expect.fail(message);
      });
    });
  } else {
    console.warn(message);
    describe.skip('PostgreSQL store', () => {
      it('runs against PARALLAX_PG_URL', () => {});
    });
  }
} else {
  const pgUrl = url;
  async function dropSchema(schema: string): Promise<void> {
    const client = new pg.Client({ connectionString: pgUrl });
    await client.connect();
    try {
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    } finally {
      await client.end();
    }
  }

  storeConformance('PostgreSQL', async () => {
    const schema = `px_test_${process.pid}_${++counter}`;
    await dropSchema(schema);
    const store = await openStore(pgUrl, { schema, max: 4 });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  killedWriterConformance('PostgreSQL', async () => {
    const schema = `px_test_${process.pid}_killed`;
    await dropSchema(schema);
    const store = await openStore(pgUrl, { schema, max: 2 });
    return {
      store,
      url: pgUrl,
      schema,
      cleanup: async () => {
        await store.close();
        await dropSchema(schema);
      },
    };
  });

  describe('PostgreSQL store', () => {
    it('ranks an article with the word in its headline above one with it once in the body', async () => {
      const schema = `px_test_${process.pid}_rank`;
      await dropSchema(schema);
      const store = await openStore(pgUrl, { schema, max: 2 });
      try {
        const filler = 'The council met on Tuesday to discuss the budget for the coming year and agreed on most points.';
        const inHeadline = recordsFromText(`Walrus colony returns to the bay\n\n${filler}\n\nResidents were pleased.`, { sourcePath: 'a.txt' });
        const inBody = recordsFromText(`Council agrees budget\n\n${filler} A walrus was seen nearby.\n\nResidents were pleased.`, { sourcePath: 'b.txt' });
        await store.saveMany([inBody, inHeadline]);
        const hits = await store.search({ q: 'walrus', type: 'article' });
        expect(hits.map((h) => h.id)).toEqual([inHeadline.article.id, inBody.article.id]);
        expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
        expect(hits.every((h) => /\[\[walrus\]\]/i.test(h.snippet))).toBe(true);
      } finally {
        await store.close();
        await dropSchema(schema);
      }
    });

    it('finds the same newest matches slice by slice as one scan of every match', async () => {
      const schema = `px_test_${process.pid}_slices`;
      await dropSchema(schema);
      const store = await openStore(pgUrl, { schema, max: 2 });
      const client = new pg.Client({ connectionString: pgUrl, options: `-c search_path=${schema}` });
      await client.connect();
      try {
        // 400 articles: "harbour" in every one, "lighthouse" in every 37th, "anchor" in the oldest 300 (common,
        // so the first slices are small and find none: the search widens), "ferry" only in the oldest ten.
        const items = Array.from({ length: 400 }, (_, i) =>
          recordsFromText(
            `Report ${i} from the harbour\n\nThe harbour office said ${i % 37 === 0 ? 'the lighthouse keeper' : 'a clerk'} counted ${i} boats.${i < 300 ? ' The anchor held.' : ''}${i < 10 ? ' A ferry sailed.' : ''}`,
            { sourcePath: `r/${i}.txt` },
          ),
        );
        for (let i = 0; i < items.length; i += 100) await store.saveMany(items.slice(i, i + 100));
        await store.optimize(); // planner statistics: slices are sized from them
        const q = {
          all: async <T,>(sql: string, params: readonly (string | number | null)[] = []) => {
            let n = 0;
            return (await client.query(sql.replace(/\?/g, () => `$${++n}`), params as unknown[])).rows as T[];
          },
          run: async () => 0,
          insertMany: async () => {},
        };
        const filters = { type: undefined, story: undefined, outlet: undefined, speaker: undefined, from: undefined, to: undefined, limit: 20 };
        for (const word of ['harbour', 'lighthouse', 'anchor', 'ferry', 'nowhere']) {
          const expected = (
            await client.query("SELECT seq FROM articles WHERE tsv @@ plainto_tsquery('english', $1) AND is_current = 1 ORDER BY seq DESC LIMIT 7", [word])
          ).rows.map((r: { seq: string }) => Number(r.seq));
          expect(await newestMatches(q, 'article', { ...filters, terms: [word] }, word, 7)).toEqual(expected);
        }
      } finally {
        await client.end();
        await store.close();
        await dropSchema(schema);
      }
    });

      it('migrates concurrently from several clients without applying a migration twice', async () => {
      const schema = `px_test_${process.pid}_migrate`;
      await dropSchema(schema);
      try {
        const stores = await Promise.all([1, 2, 3].map(() => openStore(pgUrl, { schema, migrate: false, max: 2 })));
        const applied = await Promise.all(stores.map((s) => s.migrate()));
        expect(applied.flat().sort()).toEqual([1, 2, 5, 6]);
        await Promise.all(stores.map((s) => s.close()));
      } finally {
        await dropSchema(schema);
      }
    });
  });
}
