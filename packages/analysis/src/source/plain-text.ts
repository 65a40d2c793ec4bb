import type { Boilerplate, Caption, DateSource } from '@parallax/schema';
import type { ArticleDraft, SourceHints } from '../draft.js';
import { dateFromHints, domainOf, guessLanguage } from './common.js';
import {
  boilerplateKind,
  capitalisedShare,
  countWords,
  endsSentence,
  findDateline,
  findDates,
  hasCaptionWords,
  isCreditLine,
  isRelatedHeader,
  isTimestampLine,
  lineKey,
  parseByline,
  parseByPlaceLine,
  splitCaptionCredit,
  trimEnd,
  type BoilerplateKind,
} from './lines.js';

export interface PlainTextOptions {
  sourcePath: string | null;
  sourceUrl?: string | null;
  hints?: SourceHints;
}

type Role = 'body' | 'headline' | 'standfirst' | 'byline' | 'caption' | 'credit' | 'boilerplate';

interface Unit {
  text: string;
  /** Consecutive copies of this line that were folded into it (caption text is often doubled). */
  copies: string[];
  role: Role;
  kind: BoilerplateKind;
  caption: Caption | null;
}

/** Lines of one block that are hard-wrapped prose (all but the last of a similar, moderate width). */
function isWrapped(lines: readonly string[]): boolean {
  if (lines.length < 2) return false;
  let open = 0;
  for (let i = 0; i < lines.length - 1; i++) {
    const n = lines[i]!.length;
    if (n < 30 || n > 100) return false;
    if (!endsSentence(lines[i]!)) open++;
  }
  return open * 2 >= lines.length - 1;
}

/** Hard-wrapped lines joined into paragraphs; a sentence-ending line well short of the width ends one. */
function unwrap(lines: readonly string[]): string[] {
  const width = Math.max(...lines.map((l) => l.length));
  const out: string[] = [];
  let cur: string[] = [];
  for (const line of lines) {
    cur.push(line);
    if (endsSentence(line) && line.length < width * 0.75) {
      out.push(cur.join(' '));
      cur = [];
    }
  }
  if (cur.length > 0) out.push(cur.join(' '));
  return out;
}

/** The text split into units: lines, with hard-wrapped blocks joined and doubled lines folded. */
function toUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let block: string[] = [];
  const flush = (): void => {
    if (block.length === 0) return;
    if (block.length === 1) {
      // A line of its own (as each paragraph of most texts is): nothing to fold or unwrap.
      units.push({ text: block[0]!, copies: [], role: 'body', kind: 'other', caption: null });
      block = [];
      return;
    }
    const folded: Array<{ text: string; copies: string[] }> = [];
    for (const line of block) {
      const last = folded[folded.length - 1];
      if (last && line.length <= 400 && Math.abs(line.length - last.text.length) <= 8 && lineKey(line) === lineKey(last.text)) last.copies.push(line);
      else folded.push({ text: line, copies: [] });
    }
    const lines = folded.map((f) => f.text);
    if (folded.every((f) => f.copies.length === 0) && isWrapped(lines)) {
      for (const p of unwrap(lines)) units.push({ text: p, copies: [], role: 'body', kind: 'other', caption: null });
    } else {
      for (const f of folded) units.push({ text: f.text, copies: f.copies, role: 'body', kind: 'other', caption: null });
    }
    block = [];
  };
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line.length === 0) flush();
    else block.push(line);
    start = end + 1;
  }
  flush();
  return units;
}

function isHeadlineShape(text: string): boolean {
  if (text.length > 220) return false;
  const words = countWords(text, 31);
  if (words < 2 || words > 30) return false;
  if (/[,;:\u2014\u2013-]$/.test(text)) return false;
  // A question can be a headline ("Could Yukos be a blessing in disguise?"); a statement ending in a
  // full stop is a sentence.
  if (endsSentence(text) && !(text.endsWith('?') && words <= 14)) return false;
  return /^[\p{Lu}\p{N}\p{Sc}"'\u2018\u201c\u00ab]/u.test(text);
}

/** Outlet names in promo lines: "Find Al Jazeera America on your TV", "Get email updates from X", "© 2015 X". */
function outletFromLine(text: string): string | null {
  if (text.length > 120) return null;
  const patterns = [
    /^find (.+?) on (?:your )?tv\.?$/i,
    /^get (?:e-?mail|newsletter) updates from (.+?)\.?$/i,
    /^(?:follow|like) (.+?) on (?:twitter|facebook|instagram|youtube|linkedin)\.?$/i,
    /^(?:subscribe to|sign up for) (.+?)['\u2019]s? (?:newsletters?|daily|weekly)\b/i,
    /^download the (.+?) app\.?$/i,
  ];
  const candidates: string[] = [];
  const t = text.trim();
  const copyright = /^(?:\u00a9|\(c\)|copyright)(?: \u00a9)?/i.exec(t);
  if (copyright) {
    // "© 2015 The Outlet. All rights reserved.": the name between the year and the reservation.
    let rest = t.slice(copyright[0].length).trim();
    const year = /^\d{4}(?: ?- ?\d{4})?/.exec(rest);
    if (year) rest = rest.slice(year[0].length).trim();
    const reserved = rest.toLowerCase().indexOf('all rights reserved');
    if (reserved >= 0) rest = rest.slice(0, reserved);
    candidates.push(trimEnd(rest, ' .,'));
  }
  for (const p of patterns) {
    const m = p.exec(t);
    if (m) candidates.push(m[1]!);
  }
  for (const c of candidates) {
    const name = c.trim().replace(/^[Tt]he\s+(?=\p{Lu})/u, '');
    const words = countWords(name, 7);
    if (words < 1 || words > 6 || name.length > 60) continue;
    if (/^(our|us|me|your|this|the|a|an)\b/i.test(name)) continue;
    if (capitalisedShare(name) < 0.75 || !/^\p{Lu}/u.test(name)) continue;
    return name;
  }
  return null;
}

function mostCommonLatest(dates: readonly string[]): string | null {
  if (dates.length === 0) return null;
  const counts = new Map<string, number>();
  for (const d of dates) counts.set(d, (counts.get(d) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? 1 : -1))[0]![0];
}

/**
 * Plain text (as saved from a news page) to an ArticleDraft: headline and standfirst at the top,
 * byline and dateline, captions with their credits, standalone credits, and newsletter, promo,
 * related-link and sign-off lines set aside by their shape and phrasing. Body paragraphs are kept
 * verbatim (trimmed); every set-aside line lands in captions, credits or boilerplate.
 */
export function parsePlainText(text: string, options: PlainTextOptions): ArticleDraft {
  // (A text with no carriage return, most, is not run through the replacing regex at all.)
  const units = toUnits(text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text);
  const keyCount = new Map<string, number>();
  for (const u of units) {
    if (u.text.length > 300) continue;
    const key = lineKey(u.text);
    keyCount.set(key, (keyCount.get(key) ?? 0) + 1 + u.copies.length);
  }

  let byline: string | null = null;
  let authors: string[] = [];
  const textDates: string[] = [];

  // Pass 1: what each line is on its own.
  let seenBody = false;
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    const t = u.text;
    if (!seenBody && byline === null && i < 6 && parseByPlaceLine(t)) {
      const b = parseByPlaceLine(t)!;
      u.role = 'byline';
      byline = b.byline;
      authors = b.authors;
      continue;
    }
    // (seenBody is only read for the first six lines, before a byline is found.)
    if (i < 5 && byline === null && endsSentence(t) && countWords(t, 13) > 12) seenBody = true;
    const captioned = splitCaptionCredit(t);
    let kind: BoilerplateKind | null = null;
    if (captioned) {
      u.role = 'caption';
      u.caption = captioned;
    } else if (isCreditLine(t)) {
      u.role = 'credit';
    } else if ((kind = boilerplateKind(t)) !== null) {
      u.role = 'boilerplate';
      u.kind = kind;
    } else if (byline === null && parseByline(t)) {
      const b = parseByline(t)!;
      u.role = 'byline';
      byline = b.byline;
      authors = b.authors;
      textDates.push(...findDates(t));
    } else if (isTimestampLine(t)) {
      u.role = 'boilerplate';
      u.kind = 'other';
      textDates.push(...findDates(t));
    } else if (u.copies.length > 0 && !(endsSentence(t) && countWords(t, 41) > 40)) {
      // A line printed twice in a row is an image's alt text and caption.
      u.role = 'caption';
      u.caption = { text: t, credit: null };
    } else if (t.length <= 300 && !endsSentence(t) && countWords(t, 16) <= 15 && (keyCount.get(lineKey(t)) ?? 0) > 1) {
      u.role = 'boilerplate';
      u.kind = 'other';
    }
  }

  // Pass 2: a "Read more:" header takes the list of link titles under it.
  for (let i = 0; i < units.length; i++) {
    if (units[i]!.role !== 'boilerplate' || units[i]!.kind !== 'related' || !isRelatedHeader(units[i]!.text)) continue;
    units[i]!.role = 'boilerplate';
    units[i]!.kind = 'related';
    for (let j = i + 1; j < units.length; j++) {
      const u = units[j]!;
      if (u.role !== 'body' && u.role !== 'boilerplate') break;
      const words = countWords(u.text, 26);
      if (u.role === 'body' && (words > 25 || (endsSentence(u.text) && words > 12))) break;
      u.role = 'boilerplate';
      u.kind = 'related';
    }
  }

  const isBodyLike = (u: Unit): boolean => u.role === 'body' && (endsSentence(u.text) || countWords(u.text, 41) > 40);
  const setAside = (u: Unit): boolean => u.role !== 'body';

  // Pass 3: headline and standfirst among the first lines that are not set aside.
  const order = units.map((_, i) => i).filter((i) => !setAside(units[i]!) || units[i]!.role === 'body');
  const firstBody = order.find((i) => units[i]!.role === 'body');
  if (firstBody !== undefined) {
    const h = units[firstBody]!;
    const laterBody = units.slice(firstBody + 1).some(isBodyLike);
    if (isHeadlineShape(h.text) && laterBody) {
      h.role = 'headline';
      const nextIdx = units.findIndex((u, i) => i > firstBody && u.role === 'body');
      if (nextIdx >= 0) {
        const s = units[nextIdx]!;
        const words = countWords(s.text, 46);
        const stillBody = units.slice(nextIdx + 1).some(isBodyLike);
        const afterIsByline = units.slice(firstBody + 1, nextIdx + 3).some((u, k) => u.role === 'byline' && firstBody + 1 + k > nextIdx);
        const afterIdx = units.findIndex((u, i) => i > nextIdx && u.role === 'body');
        const afterDateline = afterIdx >= 0 && findDateline(units[afterIdx]!.text) !== null;
        if (stillBody && words >= 4 && ((!endsSentence(s.text) && words <= 45 && !/[:,]$/.test(s.text)) || (words <= 40 && (afterIsByline || afterDateline)))) {
          s.role = 'standfirst';
        }
      }
    }
  }

  // Pass 4: between paragraphs, a line with no sentence ending that reads like a photo caption (caption
  // verbs, not part of a list) is one; after the last paragraph, a short run of short non-sentences is
  // page furniture. Lists and unpunctuated body text (common in scraped text) stay in the body.
  const lastSentence = units.reduce((acc, u, i) => (isBodyLike(u) ? i : acc), -1);
  const tail = units.slice(lastSentence + 1).filter((u) => u.role === 'body');
  const furniture = lastSentence >= 0 && tail.length <= 3 && tail.every((u) => countWords(u.text, 11) <= 10 && !/^[-\u2022*\d]/.test(u.text));
  const listish = (u: Unit | undefined): boolean => u !== undefined && u.role === 'body' && !endsSentence(u.text);
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    if (u.role !== 'body') continue;
    if (i > lastSentence && furniture && !endsSentence(u.text)) {
      u.role = 'boilerplate';
      u.kind = 'other';
    } else if (
      u.text.length <= 400 &&
      // (Words counted after the sentence test: most paragraphs end a sentence and are not counted again.)
      !endsSentence(u.text) &&
      countWords(u.text, 6) >= 6 &&
      !/[:;,?!\u2014\u2013-]$/.test(u.text) &&
      /^\p{Lu}/u.test(u.text) &&
      !/["\u201c\u201d]/.test(u.text) &&
      hasCaptionWords(u.text) &&
      !listish(units[i - 1]) &&
      !listish(units[i + 1])
    ) {
      u.role = 'caption';
      u.caption = { text: u.text, credit: null };
    }
  }

  // Pass 5: collect, attaching a lone credit to the caption right before it.
  let headline: string | null = null;
  let standfirst: string | null = null;
  const paragraphs: string[] = [];
  const captions: Caption[] = [];
  const credits: string[] = [];
  const boilerplate: Boilerplate[] = [];
  let outletName: string | null = null;
  const addCredit = (c: string): void => {
    if (!credits.includes(c)) credits.push(c);
  };
  for (let i = 0; i < units.length; i++) {
    const u = units[i]!;
    switch (u.role) {
      case 'body':
        paragraphs.push(u.text);
        break;
      case 'headline':
        headline = u.text;
        break;
      case 'standfirst':
        standfirst = u.text;
        break;
      case 'byline':
        break;
      case 'caption': {
        const cap = u.caption!;
        captions.push({ ...cap });
        if (cap.credit) addCredit(cap.credit);
        break;
      }
      case 'credit': {
        const last = captions[captions.length - 1];
        if (units[i - 1]?.role === 'caption' && last && last.credit === null) last.credit = u.text;
        addCredit(u.text);
        break;
      }
      case 'boilerplate':
        boilerplate.push({ text: u.text, kind: u.kind });
        outletName ??= outletFromLine(u.text);
        break;
    }
    for (const copy of u.copies) boilerplate.push({ text: copy, kind: 'other' });
  }

  const dateline = paragraphs.length > 0 ? findDateline(paragraphs[0]!) : null;
  const sourceUrl = options.sourceUrl ?? options.hints?.sourceUrl ?? null;
  let publishedAt: string | null = null;
  let publishedAtSource: DateSource | null = null;
  const hinted = dateFromHints(options.hints);
  const captionDate = mostCommonLatest(captions.flatMap((c) => findDates(c.text)));
  const textDate = mostCommonLatest(textDates);
  if (hinted) ({ publishedAt, publishedAtSource } = hinted);
  else if (textDate) [publishedAt, publishedAtSource] = [textDate, 'text'];
  else if (captionDate) [publishedAt, publishedAtSource] = [captionDate, 'caption'];

  const hintedOutlet = options.hints?.outlet?.trim();
  return {
    format: 'text',
    sourcePath: options.sourcePath,
    sourceUrl,
    sourceText: text,
    headline,
    standfirst,
    byline,
    authors,
    dateline,
    language: guessLanguage(paragraphs),
    publishedAt,
    publishedAtSource,
    outletName: hintedOutlet ? hintedOutlet : outletName,
    outletDomain: domainOf(sourceUrl),
    paragraphs,
    captions,
    credits,
    boilerplate,
  };
}
