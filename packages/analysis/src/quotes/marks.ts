// Finds quoted stretches in a body, whatever marks the outlet uses: “ ” „ " ‘ ’ « » and stray backticks.
// One linear pass per paragraph. Curly and straight marks are paired by position, not by glyph, because
// real copy mixes them (“right up to ... governing"); apostrophes (don’t, Russia’s) never open or close.
import type { Span } from '@parallax/schema';
import { CharScanner, isAsciiAlnum } from '../text/chars.js';

export interface QuotedSpan {
  /** Content inside the marks (absolute offsets into the body). */
  content: Span;
  /** Including the marks. */
  outer: Span;
  /** The paragraph the quote opens in. */
  paragraph: number;
  /** True when the quote had no closing mark in its paragraph and continues in the next one. */
  continued: boolean;
  /** True when a closing mark was found (else the quote ran to the paragraph end). */
  closed: boolean;
}

const DOUBLE_OPEN = new Set(['“', '„', '«', '"', '`', '‟', '”']);
const DOUBLE_CLOSE = new Set(['”', '"', '»', '“', '‟']);
const SINGLE_OPEN = new Set(['‘', "'", '‚']);
const SINGLE_CLOSE = new Set(['’', "'"]);

const isLetterOrDigit = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
const isSpaceOrStart = (ch: string | undefined) => ch === undefined || /[\s([{\u2014\u2013\-—/:]/u.test(ch);

/** Can the mark at i open a quote (by what surrounds it)? */
function canOpen(text: string, i: number, lo: number): boolean {
  const ch = text[i]!;
  const prev = i > lo ? text[i - 1] : undefined;
  const next = text[i + 1];
  if (ch === '“' || ch === '„' || ch === '«' || ch === '‘' || ch === '‚' || ch === '`') return next !== undefined && !/\s/.test(next);
  // Straight and right-hand marks open only after a space, an opening bracket, a dash or another mark.
  return (isSpaceOrStart(prev) || prev === '`' || prev === '“' || prev === '‘') && next !== undefined && !/\s/.test(next);
}

/** Can the mark at i close a quote? */
function canClose(text: string, i: number, hi: number): boolean {
  const ch = text[i]!;
  const next = i + 1 < hi ? text[i + 1] : undefined;
  const prev = text[i - 1];
  if (ch === '”' || ch === '»') return true;
  if (ch === '’' || ch === "'") return !isLetterOrDigit(next) && prev !== undefined && !/\s/.test(prev);
  return !isLetterOrDigit(next) || prev === '.' || prev === ',';
}

/** Any character that may be a quote mark: “ ” " ‘ ’ ' « » „ ` ‟ ‚ (found by a regex scan, in native code). */
const MARK = /["'`\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e\u201f\u201a]/g;

/** The quoted stretches of one paragraph body[lo, hi). Nested single quotes stay inside their double quote. */
function scanParagraph(text: string, lo: number, hi: number, paragraph: number, out: QuotedSpan[], marks: CharScanner): QuotedSpan | null {
  let i = lo;
  while (i < hi) {
    i = marks.next(i);
    if (i >= hi) return null;
    // A right single mark never opens, nor does an apostrophe after a letter or digit ("don't",
    // "Russia's"): the commonest marks by far, spared the look-ups below.
    const code = text.charCodeAt(i);
    if (code === 0x2019 || (code === 39 && i > lo && isAsciiAlnum(text.charCodeAt(i - 1)))) {
      i++;
      continue;
    }
    const ch = text[i]!;
    const double = DOUBLE_OPEN.has(ch);
    const single = !double && SINGLE_OPEN.has(ch);
    if (!(double || single) || !canOpen(text, i, lo)) {
      i++;
      continue;
    }
    // A backtick directly followed by another mark is one opening (`”healthy ...”).
    let contentStart = i + 1;
    while (contentStart < hi && (text[contentStart] === '`' || text[contentStart] === '”' || text[contentStart] === '“') && contentStart === i + 1) contentStart++;
    const closers = double ? DOUBLE_CLOSE : SINGLE_CLOSE;
    let j = contentStart;
    let found = -1;
    while (j < hi) {
      j = marks.next(j);
      if (j >= hi) break;
      const c = text[j]!;
      if (closers.has(c) && j > contentStart && canClose(text, j, hi)) {
        found = j;
        break;
      }
      // A double opener inside a single quote means the single was an apostrophe: give up on it.
      if (single && (c === '“' || c === '"')) break;
      j++;
    }
    if (found >= 0) {
      out.push({ content: { start: contentStart, end: found }, outer: { start: i, end: found + 1 }, paragraph, continued: false, closed: true });
      i = found + 1;
      continue;
    }
    if (single) {
      i++;
      continue; // an unpaired single mark is an apostrophe or a typo, not a quote
    }
    // Unclosed double quote: runs to the paragraph end (maybe continued in the next paragraph).
    const open: QuotedSpan = { content: { start: contentStart, end: hi }, outer: { start: i, end: hi }, paragraph, continued: false, closed: false };
    out.push(open);
    return open;
  }
  return null;
}

/** Every quoted stretch of the body, paragraph by paragraph, with multi-paragraph quotes marked. */
export function findQuotedSpans(body: string, paragraphs: readonly Span[]): QuotedSpan[] {
  const out: QuotedSpan[] = [];
  let pending: QuotedSpan | null = null;
  const marks = new CharScanner(body, MARK);
  paragraphs.forEach((p, index) => {
    // Convention: a quote running on into the next paragraph has no closing mark, and the next paragraph
    // opens with a mark.
    if (pending) {
      const first = body[p.start];
      if (first !== undefined && DOUBLE_OPEN.has(first)) pending.continued = true;
    }
    pending = scanParagraph(body, p.start, p.end, index, out, marks);
  });
  // Trim white space and a trailing comma-less edge inside the marks.
  for (const q of out) {
    while (q.content.start < q.content.end && /\s/.test(body[q.content.start]!)) q.content.start++;
    while (q.content.end > q.content.start && /\s/.test(body[q.content.end - 1]!)) q.content.end--;
  }
  return out.filter((q) => q.content.end > q.content.start);
}
