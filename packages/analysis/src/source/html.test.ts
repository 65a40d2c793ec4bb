import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceError } from './errors.js';
import { parseHtml } from './html.js';

const fixtures = new URL('../../test/fixtures/source/', import.meta.url);
const readabilityDir = new URL('../../../../../shared/eval/readability/', import.meta.url);

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

  it('survives deeply nested unclosed tags', () => {
    const html = `<html><body>${'<div><span>'.repeat(5_000)}<p>The council met on Monday and voted to close the bridge for repairs that will take months.</p></body></html>`;
    const d = parseHtml(html, { sourcePath: 'deep.html' });
    expect(d.paragraphs.join(' ')).toContain('The council met on Monday');
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
