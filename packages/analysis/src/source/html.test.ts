import { existsSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeSource } from './decode.js';
import { SourceError } from './errors.js';
import { parseHtml } from './html.js';

const fixtures = new URL('../../test/fixtures/source/', import.meta.url);
const readabilityDir = new URL('../../../../../shared/eval/readability/', import.meta.url);
const zyteDir = new URL('../../../../../shared/eval/zyte/', import.meta.url);

describe('parseHtml', () => {
  it('reads broken HTML without throwing: metadata, byline, body, figure caption, newsletter line', () => {
    const html = readFileSync(new URL('broken.html', fixtures), 'utf8');
    const d = parseHtml(html, { sourcePath: 'broken.html', sourceUrl: 'https://www.riverside-gazette.example/news/bridge' });
    expect(d.format).toBe('html');
    expect(d.headline).toMatch(/^Council votes to close the old bridge/);
    expect(d.outletName).toBe('Riverside Gazette');
    expect(d.outletDomain).toBe('riverside-gazette.example');
    expect(d.publishedAt).toBe('2024-03-05T08:30:00Z');
    expect(d.publishedAtSource).toBe('metadata');
    expect(d.paragraphs.some((p) => p.startsWith('RIVERSIDE \u2014 The city council voted'))).toBe(true);
    expect(d.paragraphs.some((p) => p.startsWith('Shop owners on both banks'))).toBe(true);
    expect(d.paragraphs.join('\n')).not.toContain('Sign up');
    expect(d.boilerplate).toContainEqual({ text: 'Sign up for our daily newsletter', kind: 'newsletter' });
    expect(d.captions).toEqual([{ text: 'The old bridge on Sunday.', credit: 'Photo: Lee Kim/Riverside Gazette' }]);
    expect(d.paragraphs.join('\n')).not.toContain('The old bridge on Sunday');
  });

  it('takes the date from a timestamp line when the page has no date metadata', () => {
    const html = `<html><body><article><h1>Bridge closes</h1><p>Updated: Sept. 15, 2015 10:02 a.m.</p>${'<p>The city council voted on Monday to close the old bridge for repairs, after engineers found cracks in two of its piers.</p>'.repeat(5)}</article></body></html>`;
    const d = parseHtml(html, { sourcePath: 'dated.html' });
    expect(d.publishedAt).toBe('2015-09-15');
    expect(d.publishedAtSource).toBe('text');
    expect(d.boilerplate).toContainEqual({ text: 'Updated: Sept. 15, 2015 10:02 a.m.', kind: 'other' });
  });

  it('falls back to the body text when readability finds no article', () => {
    const d = parseHtml('<p>Short note: the meeting moved to Thursday.</p>', { sourcePath: 'note.html' });
    expect(d.paragraphs).toEqual(['Short note: the meeting moved to Thursday.']);
  });

  it("throws 'no-content' naming the input when the page has no text", () => {
    try {
      parseHtml('<html><head><title></title></head><body><script>var x = 1;</script><img src="a.png"></body></html>', { sourcePath: 'blank.html' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(SourceError);
      expect((err as SourceError).code).toBe('no-content');
      expect((err as SourceError).message).toContain('blank.html');
    }
  });

  it('reads pages too deep or too large for the DOM by a linear tag scan', () => {
    const deep = `<html><body>${'<div>'.repeat(200_000)}<p>The council met on Monday and voted to close the bridge for repairs.</p></body></html>`;
    expect(parseHtml(deep, { sourcePath: 'deep.html' }).paragraphs).toEqual(['The council met on Monday and voted to close the bridge for repairs.']);
    const many = `<html><body>${'<p>The council met on Monday and voted &amp; argued.</p>'.repeat(150_000)}</body></html>`;
    const d = parseHtml(many, { sourcePath: 'many.html' });
    expect(d.paragraphs).toHaveLength(150_000);
    expect(d.paragraphs[0]).toBe('The council met on Monday and voted & argued.');
  });

  it('survives deeply nested unclosed tags', () => {
    const html = `<html><body>${'<div><span>'.repeat(5_000)}<p>The council met on Monday and voted to close the bridge for repairs that will take months.</p></body></html>`;
    const d = parseHtml(html, { sourcePath: 'deep.html' });
    expect(d.paragraphs.join(' ')).toContain('The council met on Monday');
  });

  it('reads markup so broken that no <html> root is built, and names the file when nothing is left', () => {
    // Found by the property test: linkedom made no root element, and its body getter threw a TypeError.
    const d = parseHtml('</<html lang="zz"><p>The council met on Monday and voted to close the bridge for repairs that will take months.</p>', { sourcePath: 'broken.html' });
    expect(d.paragraphs).toEqual(['The council met on Monday and voted to close the bridge for repairs that will take months.']);
    expect(() => parseHtml('</<html lang="zz">', { sourcePath: 'broken.html' })).toThrow(SourceError);
    expect(() => parseHtml('</<html lang="zz">', { sourcePath: 'broken.html' })).toThrow(/broken\.html has no article text/);
  });
});

describe.skipIf(!existsSync(readabilityDir))('parseHtml on Mozilla Readability test pages', () => {
  it('nytimes-1: headline, byline, language, date and a body matching the expected text', () => {
    const dir = new URL('nytimes-1/', readabilityDir);
    const meta = JSON.parse(readFileSync(new URL('expected-metadata.json', dir), 'utf8')) as { title: string; lang: string };
    const d = parseHtml(readFileSync(new URL('source.html', dir), 'utf8'), { sourcePath: 'nytimes-1' });
    expect(d.headline).toBe(meta.title);
    expect(d.language?.split('-')[0]).toBe(meta.lang.split('-')[0]);
    const expected = readFileSync(new URL('expected.html', dir), 'utf8');
    // The first body paragraph's words appear in the expected extraction.
    const firstWords = d.paragraphs[0]!.split(' ').slice(0, 6).join(' ');
    expect(expected.replace(/\s+/g, ' ')).toContain(firstWords);
    expect(d.paragraphs.length).toBeGreaterThan(5);
  });

  it('every page yields a body and a headline', () => {
    const cases = ['aclu', 'bbc-1', 'guardian-1', 'wapo-1', 'cnn'];
    for (const c of cases) {
      const d = parseHtml(readFileSync(new URL(`${c}/source.html`, readabilityDir), 'utf8'), { sourcePath: c });
      expect(d.headline, c).toBeTruthy();
      expect(d.paragraphs.join(' ').split(' ').length, c).toBeGreaterThan(150);
    }
  });
});

function tokenF1(system: string, reference: string): number {
  const bag = (t: string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const w of t.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []) m.set(w, (m.get(w) ?? 0) + 1);
    return m;
  };
  const s = bag(system);
  const r = bag(reference);
  let common = 0;
  for (const [w, c] of s) common += Math.min(c, r.get(w) ?? 0);
  const ns = [...s.values()].reduce((a, b) => a + b, 0);
  const nr = [...r.values()].reduce((a, b) => a + b, 0);
  return ns === 0 || nr === 0 || common === 0 ? 0 : (2 * common) / (ns + nr);
}

describe.skipIf(!existsSync(zyteDir))('parseHtml on the Zyte benchmark (human article bodies)', () => {
  it('the body of the first 25 pages matches the human body (mean token F1 over 0.9), with no page failing', () => {
    const truth = JSON.parse(readFileSync(new URL('ground-truth.json', zyteDir), 'utf8')) as Record<string, { articleBody: string; url: string }>;
    const scores = Object.entries(truth)
      .slice(0, 25)
      .map(([id, gold]) => {
        const bytes = new Uint8Array(gunzipSync(readFileSync(new URL(`html/${id}.html.gz`, zyteDir))));
        const d = parseHtml(decodeSource(bytes, id, { html: true }).text, { sourcePath: id, sourceUrl: gold.url });
        return tokenF1(d.paragraphs.join('\n\n'), gold.articleBody);
      });
    expect(scores.reduce((a, b) => a + b, 0) / scores.length).toBeGreaterThan(0.9);
    expect(Math.min(...scores)).toBeGreaterThan(0.5);
  });
});
