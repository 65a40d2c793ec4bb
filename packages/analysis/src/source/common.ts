import type { DateSource } from '@parallax/schema';
import type { SourceHints } from '../draft.js';
import { utf8Bytes } from '../text/chars.js';
import { normaliseDate } from './lines.js';

// Small helpers shared by the source parsers.

/** The host of a URL without "www.", or null when it is not an absolute http(s) URL. */
export function domainOf(url: string | null | undefined): string | null {
  if (!url) return null;
  const m = /^https?:\/\/([^/?#:@\s]+)/i.exec(url.trim().slice(0, 300));
  if (!m) return null;
  const host = m[1]!.toLowerCase().replace(/\.$/, '');
  return host.startsWith('www.') ? host.slice(4) : host;
}

/** Publication date and its source from the caller's hints, when they give one the schema accepts. */
export function dateFromHints(hints: SourceHints | undefined): { publishedAt: string; publishedAtSource: DateSource } | null {
  const at = normaliseDate(hints?.publishedAt ?? null);
  if (at === null) return null;
  return { publishedAt: at, publishedAtSource: hints?.publishedAtSource ?? 'manifest' };
}

const EN_STOPWORDS = new Set(['the', 'and', 'of', 'to', 'in', 'a', 'is', 'that', 'for', 'on', 'was', 'with', 'said', 'as', 'it', 'by', 'has', 'have', 'he', 'his', 'from', 'at', 'be', 'are', 'not', 'but', 'its', 'were', 'this', 'an']);

/** Each stop word as base-32 digits of its letters (a = 1): the key guessLanguage computes as it scans. */
const STOPWORD_CODES = [...EN_STOPWORDS].map((w) => [...w].reduce((code, ch) => code * 32 + (ch.charCodeAt(0) - 0x60), 0));
/**
 * The codes in a table indexed by code modulo STOP_MOD, the smallest modulus that gives every code a
 * slot of its own: a look-up is one read and one comparison, where a Set hashed each word's code.
 */
const STOP_MOD = (() => {
  for (let m = STOPWORD_CODES.length; ; m++) if (new Set(STOPWORD_CODES.map((c) => c % m)).size === STOPWORD_CODES.length) return m;
})();
const STOP_TABLE = new Int32Array(STOP_MOD);
for (const code of STOPWORD_CODES) STOP_TABLE[code % STOP_MOD] = code;

/** "en" when the text reads as English (a sample's share of common English words), else null. */
export function guessLanguage(paragraphs: readonly string[]): string | null {
  let words = 0;
  let hits = 0;
  let seen = 0;
  for (const p of paragraphs) {
    const n = Math.min(p.length, 3000 - seen);
    // The sample read as UTF-8 bytes (see utf8Bytes): words are runs of ASCII letters, and a character
    // outside ASCII, which is no such letter, becomes bytes of 0x80 and over, which are none either.
    const bytes = utf8Bytes(n < p.length ? p.slice(0, n) : p);
    const end = bytes.length;
    let i = 0;
    while (i < end) {
      let c = bytes[i]! | 0x20;
      if (c < 0x61 || c > 0x7a) {
        i++;
        continue;
      }
      // A word. Its first five letters make its code, five bits each (a = 1): compared without slicing
      // or lower-casing. Stop words are five letters at most, and five letters keep the code a small
      // integer. The rest of a longer word is skipped.
      const start = i;
      let code = 0;
      do {
        if (i - start < 5) code = code * 32 + (c - 0x60);
        i++;
        c = i < end ? bytes[i]! | 0x20 : 0;
      } while (c >= 0x61 && c <= 0x7a);
      words++;
      if (i - start <= 5 && STOP_TABLE[code % STOP_MOD] === code) hits++;
    }
    seen += n;
    // 150 words are ample evidence for a share of common words.
    if (seen >= 3000 || words >= 150) break;
  }
  if (words < 20) return null;
  return hits / words > 0.15 ? 'en' : null;
}

/** Whitespace runs (including no-break and thin spaces) to one space, trimmed. Single plain spaces are
 * left alone, so a huge text with ordinary spacing is not rebuilt piece by piece. */
export function normaliseSpace(text: string): string {
  let t = text;
  if (t.includes('\u200b') || t.includes('\ufeff')) t = t.replace(/[\u200b\ufeff]+/g, '');
  return t.replace(/[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]{2,}|[\t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/g, ' ').trim();
}
