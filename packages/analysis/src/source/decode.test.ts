import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeSource } from './decode.js';
import { SourceError } from './errors.js';

const seed = readFileSync(new URL('../../../../corpus/putin-syria-2015-09/002_e35b04c16b54d2ab.txt', import.meta.url), 'utf8');

function failure(fn: () => unknown): SourceError {
  try {
    fn();
  } catch (err) {
    if (err instanceof SourceError) return err;
    throw err;
  }
  throw new Error('expected a SourceError');
}

describe('decodeSource', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const bytes = new TextEncoder().encode(seed);
    expect(decodeSource(bytes, 'a.txt')).toEqual({ text: seed, encoding: 'utf-8' });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...bytes]);
    expect(decodeSource(bom, 'a.txt').text).toBe(seed);
  });

  it('reads UTF-16 LE with a BOM and UTF-16 BE without one', () => {
    const le = new Uint8Array(2 + seed.length * 2);
    const be = new Uint8Array(seed.length * 2);
    le.set([0xff, 0xfe]);
    for (let i = 0; i < seed.length; i++) {
      const c = seed.charCodeAt(i);
      le[2 + 2 * i] = c & 0xff;
      le[3 + 2 * i] = c >> 8;
      be[2 * i] = c >> 8;
      be[2 * i + 1] = c & 0xff;
    }
    expect(decodeSource(le, 'le.txt')).toEqual({ text: seed, encoding: 'utf-16le' });
    expect(decodeSource(be, 'be.txt')).toEqual({ text: seed, encoding: 'utf-16be' });
  });

  it('falls back from invalid UTF-8 to Windows-1252 (curly quotes 0x93/0x94)', () => {
    const latin = 'Putin said \x93We support the government of Syria\x94 and the caf\xe9 owner\x92s view was clear.';
    const bytes = Uint8Array.from(latin, (c) => c.charCodeAt(0));
    const out = decodeSource(bytes, 'cp1252.txt');
    expect(out.encoding).toBe('windows-1252');
    expect(out.text).toBe('Putin said \u201cWe support the government of Syria\u201d and the caf\u00e9 owner\u2019s view was clear.');
  });

  it("honours an HTML page's meta charset when the bytes are not UTF-8", () => {
    const html = '<html><head><meta charset="iso-8859-2"></head><body><p>Praha \xb9koda</p></body></html>';
    const bytes = Uint8Array.from(html, (c) => c.charCodeAt(0));
    const out = decodeSource(bytes, 'page.html');
    expect(out.encoding).toBe('iso-8859-2');
    expect(out.text).toContain('Praha \u0161koda');
  });

  it('rejects binary input by magic number and by NUL bytes', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    const err = failure(() => decodeSource(png, 'photo.png'));
    expect(err.code).toBe('binary');
    expect(err.message).toContain('photo.png');
    expect(err.message).toMatch(/PNG/);
    expect(failure(() => decodeSource(new Uint8Array([0x41, 0, 0, 0, 0x42, 0x43, 0, 7, 8, 0]), 'x.bin')).code).toBe('binary');
    expect(failure(() => decodeSource(new TextEncoder().encode('%PDF-1.7\n...'), 'x.pdf')).code).toBe('binary');
  });

  it('keeps the odd control character in text, and reads past the 64 KB sample the binary test looks at', () => {
    const text = `${'Putin said so. '.repeat(20)}\x01\x7f${'caf\u00e9 '.repeat(10)}\x1b[0m`;
    expect(decodeSource(new TextEncoder().encode(text), 'a.txt')).toEqual({ text, encoding: 'utf-8' });
    const long = `${'a'.repeat(70_000)}\u0000b`;
    expect(decodeSource(new TextEncoder().encode(long), 'long.txt')).toEqual({ text: long, encoding: 'utf-8' });
    expect(failure(() => decodeSource(new TextEncoder().encode(`${'\x01'.repeat(10)}${'a'.repeat(100)}`), 'ctl.txt')).code).toBe('binary');
  });

  it('rejects empty and whitespace-only input', () => {
    expect(failure(() => decodeSource(new Uint8Array(), 'empty.txt')).code).toBe('empty');
    const ws = failure(() => decodeSource(new TextEncoder().encode(' \n\t\r\n  \u00a0'), '-'));
    expect(ws.code).toBe('empty');
    expect(ws.message).toContain('standard input');
  });

  it('rejects a 50 MB single line by size, before decoding it', () => {
    const big = new Uint8Array(50 * 1024 * 1024).fill(0x61);
    const err = failure(() => decodeSource(big, 'huge.txt'));
    expect(err.code).toBe('too-large');
    expect(err.message).toMatch(/huge\.txt is 50\.0 MB, over the 20\.0 MB limit/);
    expect(failure(() => decodeSource(new TextEncoder().encode('a'.repeat(2000)), 'small.txt', { maxBytes: 1000 })).code).toBe('too-large');
  });
});
