import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { marksFor, parseSnippet, segmentParagraphs, segmentText, type Mark } from './segments.js';

const corpusFile = new URL('../../../../corpus/putin-syria-2015-09/000_fbc55344481ad475.txt', import.meta.url);

describe('segmentText', () => {
  it('cuts at every boundary and keeps the text whole', () => {
    const text = 'Putin said "we will help" and left.';
    const marks: Mark[] = [
      { id: 'q1', kind: 'quote', start: 12, end: 24 },
      { id: 'c1', kind: 'claim', start: 0, end: 18 },
    ];
    const segs = segmentText(text, marks);
    expect(segs.map((s) => s.text).join('')).toBe(text);
    expect(segs.map((s) => [s.text, s.marks.map((m) => m.id)])).toEqual([
      ['Putin said "', ['c1']],
      ['we wil', ['q1', 'c1']],
      ['l help', ['q1']],
      ['" and left.', []],
    ]);
  });

  it('clips marks to the range and drops empty or inverted ones', () => {
    const text = 'abcdefghij';
    const segs = segmentText(text, [
      { id: 'a', kind: 'quote', start: 0, end: 5 },
      { id: 'b', kind: 'claim', start: 7, end: 7 },
      { id: 'c', kind: 'claim', start: 9, end: 8 },
      { id: 'd', kind: 'claim', start: 20, end: 30 },
    ], { start: 3, end: 8 });
    expect(segs).toEqual([
      { start: 3, end: 5, text: 'de', marks: [{ id: 'a', kind: 'quote', start: 0, end: 5 }] },
      { start: 5, end: 8, text: 'fgh', marks: [] },
    ]);
  });

  it('keeps markup in article text as plain text (segments are text, never HTML)', () => {
    const text = 'Hi <script>alert(1)</script> <img src=x onerror=alert(2)>';
    const segs = segmentText(text, [{ id: 'q', kind: 'quote', start: 3, end: 28 }]);
    expect(segs[1]!.text).toBe('<script>alert(1)</script>');
    expect(segs.map((s) => s.text).join('')).toBe(text);
  });

  it('segments a real corpus article by paragraph with quotes and claims, losing no character', () => {
    const body = readFileSync(corpusFile, 'utf8').trim();
    const paragraphs: { start: number; end: number }[] = [];
    for (const m of body.matchAll(/[^\n]+/g)) paragraphs.push({ start: m.index, end: m.index + m[0].length });
    // Every quoted passage in straight double quotes is a quote mark; every sentence with a digit a claim.
    const quotes = [...body.matchAll(/"([^"]+)"/g)].map((m, i) => ({ id: `q${i}`, segments: [{ start: m.index + 1, end: m.index + 1 + m[1]!.length }] }));
    const claims = [...body.matchAll(/[^.\n]*\d[^.\n]*\./g)].map((m, i) => ({ id: `c${i}`, span: { start: m.index, end: m.index + m[0].length } }));
    expect(quotes.length).toBeGreaterThan(2);
    expect(claims.length).toBeGreaterThan(0);
    const paras = segmentParagraphs(body, paragraphs, marksFor(quotes, claims));
    expect(paras).toHaveLength(paragraphs.length);
    for (const p of paras) expect(p.segments.map((s) => s.text).join('')).toBe(body.slice(p.start, p.end));
    const quoted = paras.flatMap((p) => p.segments).filter((s) => s.marks.some((m) => m.kind === 'quote'));
    expect(quoted.map((s) => s.text).join('')).toContain('We give technical-military support to Damascus');
    for (const s of quoted) expect(s.text).not.toContain('"');
  });

  it('treats a body without paragraph spans as one paragraph', () => {
    expect(segmentParagraphs('one two', [], [])).toEqual([{ start: 0, end: 7, segments: [{ start: 0, end: 7, text: 'one two', marks: [] }] }]);
  });
});

describe('parseSnippet', () => {
  it('splits matches out of [[ ]] markers', () => {
    expect(parseSnippet('the [[refugees]] heading to [[Europe]]…')).toEqual([
      { text: 'the ', match: false },
      { text: 'refugees', match: true },
      { text: ' heading to ', match: false },
      { text: 'Europe', match: true },
      { text: '…', match: false },
    ]);
  });
  it('keeps unclosed markers and markup as text', () => {
    expect(parseSnippet('a [[b <script>')).toEqual([{ text: 'a [[b <script>', match: false }]);
    expect(parseSnippet('[[<b>x</b>]]')).toEqual([{ text: '<b>x</b>', match: true }]);
  });
});
