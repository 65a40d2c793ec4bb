import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SourceError } from './errors.js';
import { parseSource, sniffFormat } from './index.js';

const seedPath = new URL('../../../../corpus/putin-syria-2015-09/001_10204aad8015e45e.txt', import.meta.url);
const broken = new URL('../../test/fixtures/source/broken.html', import.meta.url);

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    if (err instanceof SourceError) return err.code;
    throw err;
  }
  return 'ok';
}

describe('sniffFormat', () => {
  it('decides by content, with extension and content type as hints', () => {
    expect(sniffFormat('{"body": "x"}')).toBe('json');
    expect(sniffFormat('  <!DOCTYPE html><html><body><p>x</p></body></html>')).toBe('html');
    expect(sniffFormat('<p>A fragment</p>', 'page.html')).toBe('html');
    expect(sniffFormat('<p>A fragment</p>', 'x', 'text/html; charset=utf-8')).toBe('html');
    expect(sniffFormat('Use x < y and {braces} freely.', 'notes.txt')).toBe('text');
    expect(sniffFormat('{not json at all', 'a.txt')).toBe('text');
    expect(sniffFormat('[{"body": "x"}]')).toBe('json');
    expect(sniffFormat('[Editor\'s note: this story was updated.]')).toBe('text');
  });
});

describe('parseSource', () => {
  it('dispatches bytes of each kind to its parser', () => {
    const text = parseSource({ bytes: new Uint8Array(readFileSync(seedPath)), name: 'corpus/001.txt', sourcePath: 'corpus/001.txt' });
    expect(text.format).toBe('text');
    expect(text.headline).toBe('Putin defends Russian military equipment in Syria as necessary');
    const html = parseSource({ bytes: new Uint8Array(readFileSync(broken)), name: 'broken.html', sourcePath: 'broken.html' });
    expect(html.format).toBe('html');
    const json = parseSource({ text: JSON.stringify({ body: 'One paragraph of text.' }), name: 'a.json', sourcePath: 'a.json' });
    expect(json.format).toBe('json');
    expect(json.paragraphs).toEqual(['One paragraph of text.']);
  });

  it('decodes Windows-1252 bytes before parsing', () => {
    const latin = 'The minister said \x93we will not back down\x94 on Tuesday, and the opposition disagreed.';
    const d = parseSource({ bytes: Uint8Array.from(latin, (c) => c.charCodeAt(0)), name: 'w.txt', sourcePath: 'w.txt' });
    expect(d.paragraphs[0]).toContain('\u201cwe will not back down\u201d');
  });

  it('fails with typed errors on bad input', () => {
    expect(code(() => parseSource({ bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), name: 'a.png', sourcePath: 'a.png' }))).toBe('binary');
    expect(code(() => parseSource({ text: '   \n\n ', name: '-', sourcePath: null }))).toBe('empty');
    expect(code(() => parseSource({ text: 'x'.repeat(50 * 1024 * 1024), name: 'big.txt', sourcePath: 'big.txt' }))).toBe('too-large');
    expect(code(() => parseSource({ text: 'Sign up for our weekly newsletter', name: 'promo.txt', sourcePath: 'promo.txt' }))).toBe('no-content');
    expect(code(() => parseSource({ name: 'nothing', sourcePath: null }))).toBe('unreadable');
    expect(code(() => parseSource({ text: '[1, 2]', name: 'list.json', sourcePath: 'list.json' }))).toBe('invalid');
  });
});
