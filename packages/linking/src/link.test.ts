import { Bundle } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { seedBundle } from '../test/seed.js';
import { linkBundle, linkStories } from './link.js';

const { bundle, fileOf } = seedBundle();
const linked = Bundle.parse(linkBundle(bundle));
const file = (articleId: string) => fileOf.get(articleId)!.slice(0, 3);
const articleOf = (re: RegExp) => new Set(linked.quotes.filter((q) => re.test(q.text)).map((q) => file(q.articleId)));

/** The statement holding the quote whose text matches, with the files of its articles. */
function statementOf(re: RegExp, inFile: string) {
  const q = linked.quotes.find((x) => re.test(x.text) && file(x.articleId) === inFile);
  expect(q, `a quote matching ${re} in ${inFile}`).toBeDefined();
  expect(q!.clusterId, `the quote ${q!.text.slice(0, 40)} is linked`).not.toBeNull();
  const s = linked.statements.find((x) => x.id === q!.clusterId)!;
  return { s, files: s.articleIds.map(file).sort() };
}

describe('linkBundle on the seed story', () => {
  it('gives a bundle the schema accepts, with every article in one story', () => {
    expect(linked.stories).toHaveLength(1);
    expect(linked.stories[0]!.articleIds).toHaveLength(5);
    expect(linked.articles.every((a) => a.storyId === linked.stories[0]!.id)).toBe(true);
  });

  it('links the four statements quoted by several outlets across every article that reports them', () => {
    const refugees = statementOf(/flow of refugees would be even greater/, '000');
    expect(refugees.files).toEqual(['000', '001', '002', '003']);
    const support = statementOf(/technical-military support to Damascus/, '000');
    expect(support.files).toEqual(['000', '002', '003']);
    expect(support.s.quoteIds.map((id) => linked.quotes.find((q) => q.id === id)!.text).join(' ')).toMatch(/military-technical assistance/);
    const peskov = statementOf(/dialogue between Moscow and Washington/, '000');
    expect(peskov.files).toEqual(['000', '003']);
    expect(peskov.s.speakerName).toBe('Dmitry Peskov');
    const base = statementOf(/forward operating base/, '002');
    expect(base.files).toEqual(['000', '002', '003']);
    expect(base.s.speakerName).toBe('Jeff Davis');
    // No two of them are one statement.
    expect(new Set([refugees.s.id, support.s.id, peskov.s.id, base.s.id]).size).toBe(4);
  });

  it('never puts two quotes of one article in one statement, and aligns each variant with the reference', () => {
    for (const s of linked.statements) {
      const arts = s.quoteIds.map((id) => linked.quotes.find((q) => q.id === id)!.articleId);
      expect(new Set(arts).size).toBe(arts.length);
      expect(s.variants).toHaveLength(s.quoteIds.length - 1);
      for (const v of s.variants) {
        // The reference's words, read back from the ops, are the reference rendering (spacing aside).
        const ref = v.ops.filter((o) => o.op !== 'insert').map((o) => o.reference).join('');
        expect(ref.replace(/\s+/g, '')).toBe(s.text.replace(/\s+/g, ''));
        const variant = linked.quotes.find((q) => q.id === v.quoteId)!.text;
        expect(v.ops.filter((o) => o.op !== 'delete').map((o) => o.variant).join('').replace(/\s+/g, '')).toBe(variant.replace(/\s+/g, ''));
      }
    }
  });

  it('resolves "a Pentagon spokesman" to Jeff Davis through the statement he made, and not Peter Cook', () => {
    const q = linked.quotes.find((x) => /forward operating base/.test(x.text) && file(x.articleId) === '002')!;
    expect(q.speaker?.name).toBe('Jeff Davis');
    expect(q.speaker?.mention?.text).toMatch(/Pentagon spokesman/);
    const cook = linked.entities.find((e) => e.name === 'Peter Cook')!;
    expect(cook.articleIds.map(file)).toEqual(['004']);
  });

  it('makes Putin one entity across all five articles, with his other names as aliases', () => {
    const putins = linked.entities.filter((e) => /putin/i.test(e.name));
    expect(putins).toHaveLength(1);
    expect(putins[0]!.articleIds.map(file).sort()).toEqual(['000', '001', '002', '003', '004']);
    expect(putins[0]!.aliases).toEqual(expect.arrayContaining(['Putin', 'Mr Putin']));
    const ids = new Set(linked.quotes.filter((q) => /putin/i.test(q.speaker?.name ?? '')).map((q) => q.speaker!.entityId));
    expect([...ids]).toEqual([putins[0]!.id]);
    const peskov = linked.entities.find((e) => e.name === 'Dmitry Peskov')!;
    expect(peskov.roles).toEqual(expect.arrayContaining(['Kremlin spokesman', "Putin's spokesman"]));
  });

  it('puts "On 14 September" and "Monday" on one day of the timeline', () => {
    const day = linked.stories[0]!.timeline.filter((e) => e.date === '2015-09-14');
    const davis = day.find((e) => e.articleIds.length >= 2)!;
    expect(davis.articleIds.map(file).sort()).toEqual(['000', '002', '003']);
    const texts = davis.claimIds.map((id) => linked.claims.find((c) => c.id === id)!.text).join(' ');
    expect(texts).toMatch(/On 14 September/);
    expect(texts).toMatch(/Monday/);
    const dates = linked.stories[0]!.timeline.map((e) => e.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('groups claims with corroboration by outlet or article, sets cluster ids, and builds coverage and a cited digest', () => {
    const davis = linked.claimGroups.find((g) => /forward operating base/.test(g.text))!;
    expect(davis.status).toBe('corroborated');
    expect(davis.corroboration).toBe(3);
    expect(linked.claims.every((c) => c.clusterId !== null)).toBe(true);
    const story = linked.stories[0]!;
    expect(story.coverage.filter((r) => r.kind === 'statement')).toHaveLength(linked.statements.length);
    expect(story.digest.length).toBeGreaterThan(0);
    for (const line of story.digest) expect(line.articleIds.length).toBeGreaterThan(0);
  });

  it('is stable: linking twice gives the same ids', () => {
    const again = linkBundle(bundle);
    expect(again.statements.map((s) => s.id)).toEqual(linked.statements.map((s) => s.id));
    expect(again.stories.map((s) => s.id)).toEqual(linked.stories.map((s) => s.id));
  });
});

describe('linkStories', () => {
  it('adds an article to the story it belongs to and rebuilds only that story', () => {
    const last = bundle.articles[4]!;
    const without: Bundle = {
      ...bundle,
      articles: bundle.articles.filter((a) => a.id !== last.id),
      quotes: bundle.quotes.filter((q) => q.articleId !== last.id),
      claims: bundle.claims.filter((c) => c.articleId !== last.id),
    };
    const first = linkBundle(without);
    const plus: Bundle = {
      ...first,
      articles: [...first.articles, last],
      quotes: [...first.quotes, ...bundle.quotes.filter((q) => q.articleId === last.id)],
      claims: [...first.claims, ...bundle.claims.filter((c) => c.articleId === last.id)],
      entities: [...first.entities, ...bundle.entities.filter((e) => e.articleIds.includes(last.id))],
    };
    const { bundle: out, removedStoryIds, storyIds } = linkStories(plus, [last.id]);
    Bundle.parse(out);
    expect(removedStoryIds).toEqual(first.stories.map((s) => s.id));
    expect(storyIds).toEqual(linked.stories.map((s) => s.id));
    expect(out.statements.map((s) => s.id)).toEqual(linked.statements.map((s) => s.id));
  });
});
