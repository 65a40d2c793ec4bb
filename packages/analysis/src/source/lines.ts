// Features of one line (or paragraph) of an article that tell story text from what surrounds it:
// sentence shape, terminal punctuation, length, capitalisation, photo-agency vocabulary and the
// phrasing of newsletter, promo and related-link lines. Shared by the plain-text and HTML parsers.
// Every test here is length-gated or anchored, so a huge line costs next to nothing.
import type { Boilerplate, Caption } from '@parallax/schema';
import { LITTLE_ENDIAN, utf8Bytes, utf8BytesAsQuads } from '../text/chars.js';

export type BoilerplateKind = Boilerplate['kind'];

/** Longest line any of the short-line classifiers looks at; longer lines are body text. */
const SHORT = 320;

const CLOSERS = new Set(['"', "'", '\u201d', '\u2019', '\u00bb', '\u203a', ')', ']', '*', '`']);

/** The line with closing quotes and brackets peeled off its end. */
function lastMeaningful(text: string): string {
  let i = text.length - 1;
  while (i >= 0 && (CLOSERS.has(text[i]!) || text[i] === ' ')) i--;
  return i >= 0 ? text[i]! : '';
}

/** The text without any of `chars` at its end (a loop: a trailing-class regex would be quadratic). */
export function trimEnd(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}

/** Whether the line ends like a sentence (., !, ?, … before any closing quotes or brackets). */
export function endsSentence(text: string): boolean {
  const c = lastMeaningful(text);
  return c === '.' || c === '!' || c === '?' || c === '\u2026';
}

/**
 * The line countWords read last and what it found: `memoCount` words in all when `memoExact`, else at
 * least that many (the count stopped at its cap). The line classifiers each ask about the same line in
 * turn (fewer than 13 words? 17? 31? 21?), and each used to read it again.
 */
let memoText = '';
let memoCount = 0;
let memoExact = true;
/** Lines up to this long are counted to their end on first reading, so every later cap is answered. */
const MEMO_WHOLE = 400;

/** Words in `text`, counting no further than `cap` (comparisons against a small bound stop early). */
export function countWords(text: string, cap = Infinity): number {
  // What a capped count returns: the cap itself once that many words are found (rounded up, as the
  // loop below stops at the first whole count that reaches it).
  const capped = cap > 0 ? Math.ceil(cap) : 0;
  if (text === memoText) {
    if (memoExact) return memoCount < capped ? memoCount : capped;
    if (capped <= memoCount) return capped;
  }
  const whole = text.length <= MEMO_WHOLE;
  // A text read to its end (an article body, a line up to MEMO_WHOLE long) is counted on its UTF-8
  // bytes: fewer instructions than charCodeAt from 64 characters on.
  const n = (whole || cap >= text.length) && text.length >= 64 ? countWordsUtf8(utf8Bytes(text), utf8BytesAsQuads()) : countCodeUnits(text, whole ? Infinity : cap);
  memoText = text;
  memoCount = n;
  memoExact = whole || n < capped;
  return n < capped ? n : capped;
}

/** countWords on the text's code units, without the memo. */
function countCodeUnits(text: string, cap: number): number {
  // A word starts where a non-space follows a space or the start. Counted with arithmetic rather than a
  // branch per word (often mispredicted): a third faster over the BBC bodies, which all pass through here.
  let n = 0;
  let afterSpace = 1;
  const length = text.length;
  for (let i = 0; i < length && n < cap; i++) {
    const c = text.charCodeAt(i);
    const space = (c <= 32 ? c === 32 || c === 9 || c === 10 || c === 13 : c >= 0xa0 && (c === 0xa0 || c === 0x2009 || c === 0x202f || c === 0x3000)) ? 1 : 0;
    n += afterSpace & (space ^ 1);
    afterSpace = space;
  }
  return n;
}

/**
 * countWords over the UTF-8 form of a text (see utf8Bytes), `quads` the same bytes four at a time (see
 * utf8BytesAsQuads). The spaces outside ASCII are U+00A0 (C2 A0), U+2009 (E2 80 89), U+202F (E2 80 AF) and
 * U+3000 (E3 80 80); a continuation byte (80-BF) belongs to the character before it and leaves the state
 * as it was.
 */
function countWordsUtf8(bytes: Uint8Array, quads: Int32Array): number {
  let n = 0;
  let afterSpace = 1;
  const length = bytes.length;
  // Four bytes at a time where all four are printable ASCII or the space (20-7F), as most are: their word
  // starts are counted with bit arithmetic, a few instructions for the four where a byte loop took some
  // seventeen a byte. Other quads (a line break, a character outside ASCII) are read byte by byte.
  const whole = LITTLE_ENDIAN ? length >> 2 : 0;
  for (let q = 0; q < whole; q++) {
    const x = quads[q]!;
    if ((x & HIGH_BITS) === 0 && ((x + 0x60606060) & HIGH_BITS) === HIGH_BITS) {
      // Bit 7 of each byte of `word` set when the byte is no space: x ^ 0x20202020 is zero at a space, and
      // adding 7F to its low seven bits carries into bit 7 unless they are all zero (no byte overflows).
      const word = (((x ^ 0x20202020) & 0x7f7f7f7f) + 0x7f7f7f7f) & HIGH_BITS;
      const space = word ^ HIGH_BITS;
      // A word starts at a byte that is no space after one that is (the byte before the first is the
      // last of the previous quad); the starts, one bit a byte, are summed into the top byte.
      const starts = word & ((space << 8) | (afterSpace << 7));
      n += Math.imul(starts >>> 7, 0x01010101) >>> 24;
      afterSpace = space >>> 31;
      continue;
    }
    for (let i = q << 2, end = i + 4; i < end; i++) {
      const b = bytes[i]!;
      let isSpace: boolean;
      if (b < 0x80) isSpace = b === 32 || b === 9 || b === 10 || b === 13;
      else if (b < 0xc0) continue;
      else isSpace = isSpaceSequence(bytes, b, i + 1);
      if (!isSpace) n += afterSpace;
      afterSpace = isSpace ? 1 : 0;
    }
  }
  let i = whole << 2;
  while (i < length) {
    const b = bytes[i]!;
    let space: boolean;
    if (b > 32 && b < 0x80) {
      // Most bytes are ASCII inside a word: the rest of the run is skipped in a tight loop.
      i++;
      while (i < length) {
        const c = bytes[i]!;
        if (c <= 32 || c >= 0x80) break;
        i++;
      }
      space = false;
    } else {
      i++;
      if (b < 0x80) space = b === 32 || b === 9 || b === 10 || b === 13;
      else if (b < 0xc0) continue;
      else space = isSpaceSequence(bytes, b, i);
    }
    if (!space) n += afterSpace;
    afterSpace = space ? 1 : 0;
  }
  return n;
}

/** Bit 7 of each byte of an int32 (0x80808080 as a signed int32). */
const HIGH_BITS = 0x80808080 | 0;

/** Whether the lead byte b, its continuation bytes from bytes[i], is one of the spaces outside ASCII. */
function isSpaceSequence(bytes: Uint8Array, b: number, i: number): boolean {
  return (b === 0xc2 && bytes[i] === 0xa0) || (b === 0xe2 && bytes[i] === 0x80 && (bytes[i + 1] === 0x89 || bytes[i + 1] === 0xaf)) || (b === 0xe3 && bytes[i] === 0x80 && bytes[i + 1] === 0x80);
}

const CONNECTORS = new Set(['a', 'an', 'and', 'the', 'of', 'for', 'in', 'on', 'at', 'to', 'via', 'by', 'from', 'with', 'de', 'la', 'le', 'du', 'van', 'von', 'der', 'y', 'or', '&', '/', '|', '-', '\u2013', '\u2014']);

/** Share of words (connectors aside) that begin with a capital letter or a digit. */
export function capitalisedShare(text: string): number {
  const words = text.split(/\s+/).filter((w) => w.length > 0 && !CONNECTORS.has(w.toLowerCase()));
  if (words.length === 0) return 0;
  let caps = 0;
  for (const w of words) {
    const m = /\p{L}|\p{N}/u.exec(w);
    if (m && (/\p{Lu}|\p{N}/u.test(m[0]))) caps++;
  }
  return caps / words.length;
}

/** Canonical form to spot repeated lines: case, quotes, dashes and spacing folded. */
export function lineKey(text: string): string {
  let t = text.toLowerCase();
  if (/[\u2010-\u201f`\u00b4\u00ab\u00bb]/.test(t)) {
    t = t.replace(/[\u2018-\u201b`\u00b4]/g, "'").replace(/[\u201c-\u201f\u00ab\u00bb]/g, '"').replace(/[\u2010-\u2015]/g, '-');
  }
  if (/\s\s|[\t\n\r\u00a0\u2009\u202f]/.test(t)) t = t.replace(/\s+/g, ' ');
  return t.trim();
}

// Photo-agency and picture-desk vocabulary: the words credits are made of.
const CREDIT_WORDS =
  /\b(getty|images?|photos?|photograph(?:er|s)?|pictures?|pool|ap|afp|reuters|epa(?:-efe)?|efe|pressphoto|press agency|photo agency|shutterstock|xinhua|sputnik|tass|ria novosti|kremlin pool|anadolu|nurphoto|sipa|zuma|abaca|alamy|corbis|rex|pa images?|pa wire|bloomberg|handout|courtesy|file photo|imago|dpa|ansa|kyodo|yonhap|stringer|host photo|news agency)\b/gi;
const STRONG_CREDIT = /\b(getty|photo|photograph|pool|pressphoto|shutterstock|handout|courtesy|stringer|images|picture)/i;
const AGENCY = /\b(ap|afp|reuters|epa|efe|dpa|ansa|xinhua|tass|sputnik|kyodo|yonhap|associated press|agence france-presse|bloomberg|ria novosti|anadolu)\b/i;

function creditWordCount(text: string): number {
  CREDIT_WORDS.lastIndex = 0;
  let n = 0;
  while (CREDIT_WORDS.exec(text) !== null) n++;
  return n;
}

/**
 * Whether the line is a photo credit on its own: short, name-like (mostly capitalised), no sentence
 * ending, picture-desk vocabulary, and the shape of credits ("A / B / Getty Images", "X/AP",
 * "Photo: X", "X via AP").
 */
export function isCreditLine(text: string): boolean {
  if (text.length > 160 || text.length < 2) return false;
  const words = countWords(text, 17);
  if (words > 16) return false;
  if (/^(photo(graph)?|image|picture|credit|source|foto)s?(\s*credit)?\s*[:|]/i.test(text)) return !/^sources?\s*:/i.test(text) || STRONG_CREDIT.test(text);
  if (/^(image|photo|picture) (copyright|credit|source)\b/i.test(text) && words <= 10) return true;
  if (/^via [\w.-]+\.(info|com|net|org)$/i.test(text)) return true;
  const vocab = creditWordCount(text);
  if (vocab === 0) return false;
  const shaped = text.includes('/') || /\bvia\b/i.test(text) || /[|\u00a9]/.test(text) || /^\(.*\)$/.test(text);
  if (lastMeaningful(text) === '.' && !/\b(AP|AFP|EPA)\.?$/.test(text) && words > 6) return false;
  if (capitalisedShare(text) < 0.6) return false;
  if (shaped && (vocab >= 2 || STRONG_CREDIT.test(text) || AGENCY.test(text))) return true;
  // "Getty Images", "AFP", "Reuters": a bare agency or picture-desk name.
  return words <= 4 && vocab >= 1 && (STRONG_CREDIT.test(text) || (AGENCY.test(text) && words <= 2));
}

/** The separators before a credit that splitCaptionCredit looks for (" | ", " / ", " — ", " – ", " - "). */
const SEPARATOR = / [|/\u2014\u2013-] /g;

/**
 * Splits a trailing photo credit off a caption: "… on Sept. 15, 2015. (Mikhail Klimentyev/Kremlin
 * Pool Photo via AP)", "… Photograph: Alexei Druzhinin/AP", "… | Getty Images". Null when none.
 */
export function splitCaptionCredit(text: string): Caption | null {
  if (text.length > 1200) return null;
  const t = text.trim();
  const tail = t.length > 200 ? t.slice(-200) : t;
  if (t.endsWith(')')) {
    const open = t.lastIndexOf('(');
    if (open > 0) {
      const inner = t.slice(open + 1, -1).trim();
      const slashCredit = inner.includes('/') && countWords(inner, 9) <= 8 && capitalisedShare(inner) >= 0.8 && endsSentence(t.slice(0, open));
      if (isCreditLine(inner) || isCreditLine(`(${inner})`) || slashCredit) {
        const caption = t.slice(0, open).trim();
        if (countWords(caption, 4) >= 3) return { text: caption, credit: inner };
      }
    }
  }
  const m = !tail.includes(':') ? null : /(?:^|[\s.])((?:Photo(?:graph)?|Picture|Image|Credit|Foto)s?(?:\s*credit)?\s*:[ \t]*)([^:\s][^:]{1,119})$/i.exec(tail);
  if (m) {
    const credit = m[2]!.trim();
    const cut = t.length - (m[1]!.length + m[2]!.length);
    const caption = t.slice(0, cut).trim();
    if (countWords(caption, 4) >= 3 && countWords(credit, 13) <= 12) return { text: caption, credit: `${m[1]!.trim()} ${credit}`.replace(/\s+/g, ' ') };
  }
  if (t.length > 600) return null;
  // (One scan for any of the separators first: most lines hold none.)
  SEPARATOR.lastIndex = Math.max(0, t.length - 160);
  if (!SEPARATOR.test(t)) return null;
  for (const sep of [' | ', ' / ', ' \u2014 ', ' \u2013 ', ' - ']) {
    // The last separator, looked for only in the last 160 characters (an earlier one is no credit's).
    let at = t.indexOf(sep, Math.max(0, t.length - 160));
    if (at < 0) continue;
    for (let next = t.indexOf(sep, at + 1); next >= 0; next = t.indexOf(sep, next + 1)) at = next;
    if (at > 0) {
      const credit = t.slice(at + sep.length).trim();
      const caption = t.slice(0, at).trim();
      if (countWords(caption, 5) >= 4 && isCreditLine(credit) && STRONG_CREDIT.test(credit) && endsSentence(caption)) return { text: caption, credit };
    }
  }
  return null;
}

// Boilerplate phrasing, anchored at the start of a short line: never a search through body text.
// Multi-word calls to action are specific enough for a line of up to 24 words; single words
// ("Share", "Comments", "Advertisement") only count as the whole line.
const BOILERPLATE_RULES: ReadonlyArray<readonly [BoilerplateKind, RegExp]> = [
  ['newsletter', /^(sign (me )?up( for| to|:| now| here)|subscribe (to|now|for|here|today)|subscribe:|get (our |the )?(email|e-mail|newsletter|daily|weekly|morning|evening|breaking)|get .{0,40}\b(email updates|alerts|newsletter)|join (our|the) (newsletter|mailing)|enter your e-?mail|delivered to your inbox|let our news meet your inbox)(?=\W|$)/i],
  // Second-person or first-person promotion of a newsletter ("… straight to your inbox", "our newsletter").
  // (Up to four words between "our" and "newsletter", not any 30 characters: a word run is linear to match.)
  ['newsletter', /\b(your inbox|our (daily |weekly |free )?(e-?mail )?newsletters?|sign up for (our|the) ([\w'’-]+ ){0,4}newsletter)\b/i],
  ['related', /^(read more|related (articles?|stories|coverage|content|links?|reading|topics?|video)|related:|see also|more (from|on|about|stories|coverage|news)\b|more great .{1,30} stories|recommended (for you|stories|reading)|most (read|popular|viewed|shared)|trending now|further reading|also read|read also|read next|you (may|might) (also )?like|what to read next|in case you missed it|more:|explore more|\[related:)(?=\W|$)/i],
  ['comment', /^((leave|post|add|write|show|view|load|hide|read) (a |the |all |\d+ )?comments?|join the (conversation|discussion|debate)|be the first to comment|commenting (is|has been) (closed|disabled)|tell us what you think)(?=\W|$)/i],
  ['social', /^(share (this|on|via) |share this (article|story|page)|tweet this|follow us\b|follow @|follow .{1,40} on (twitter|facebook|instagram|x|telegram|linkedin|youtube|tiktok)|follow .{1,60}['\u2019]s (full )?coverage|like us on (facebook|instagram)|click to tweet)/i],
  ['promo', /^(find .{1,50} on (your )?tv|watch live|download (the|our) app|get the app|support (our|independent) journalism|become a (member|subscriber)|already a subscriber\?|click here (to|for)|tap here to|continue reading|story continues below|this slideshow requires javascript|this (website|site) uses cookies|this post (may )?contains? affiliate|media playback is unsupported|join (our|us)\b|listen (to .{1,40} )?(live|now|back)|how to listen|if you enjoyed this article|(microsoft|we) may earn (an? )?(affiliate )?commission)(?=\W|$)/i],
  ['other', /^(copyright\b|\u00a9|\(c\) ?\d{4})|\ball rights reserved\b|\bthis (document|material|article) (is subject to|may not be) (copyright|published|reproduced)/i],
  ['other', /^(write to|contact|email|e-mail|reach) .{1,60}(@|\bat \S+@)/i],
  ['agency', /^(sources?|with agencies|agencies)\s*:\s*[^.\s][^.]{0,59}$/i],
  ['agency', /\b(contributed (reporting|to this (report|story|article))|additional reporting (by|from)|with (wire|agency) (services|reports)|(reporting|editing|writing) by [A-Z])/],
];

// For the rules above that search the whole line (not anchored at its start): words one of which
// their match contains, so they only run when one is there.
const NEEDLES: ReadonlyArray<readonly string[] | null> = BOILERPLATE_RULES.map(([, rule]) => {
  const src = rule.source;
  if (src.startsWith('\\b(your inbox')) return ['inbox', 'newsletter'];
  if (src.startsWith('\\b(contributed')) return ['contributed', 'reporting', 'wire', 'agency', 'editing', 'writing'];
  if (src.includes('all rights reserved')) return ['copyright', '\u00a9', '(c)', 'rights reserved', 'subject to', 'may not be'];
  return null;
});

// First words of every anchored rule above (keep in step with them: a rule whose first word is
// missing here never fires; the boilerplate tests cover each kind).
const FIRST_WORDS = new Set([
  'sign', 'subscribe', 'get', 'join', 'enter', 'delivered', 'let', 'read', 'related', '[related', 'see', 'more', 'recommended',
  'most', 'trending', 'further', 'also', 'you', 'what', 'in', 'explore', 'leave', 'post', 'add', 'write', 'show', 'view', 'load',
  'hide', 'be', 'commenting', 'tell', 'share', 'tweet', 'follow', 'like', 'click', 'find', 'watch', 'download', 'support',
  'become', 'already', 'tap', 'continue', 'story', 'this', 'media', 'listen', 'how', 'if', 'microsoft', 'we', 'copyright',
  'contact', 'email', 'e', 'reach', 'source', 'sources', 'with', 'agencies',
]);

/** NEEDLES as one case-blind regex each. */
const NEEDLE_RES: ReadonlyArray<RegExp | null> = NEEDLES.map((needles) => (needles ? new RegExp(needles.map((n) => n.replace(/[()]/g, '\\$&')).join('|'), 'i') : null));

/** Every needle in one case-blind regex: a line that holds none (most) is read once, not once a rule. */
const ANY_NEEDLE = new RegExp(NEEDLE_RES.filter((re) => re !== null).map((re) => re.source).join('|'), 'i');

/** Whether the line holds a needle of rule r (lower: the line lower-cased, when it had to be; any: ANY_NEEDLE's answer). */
function holdsNeedle(r: number, text: string, lower: string | null, any: boolean): boolean {
  const needles = NEEDLES[r];
  if (!needles) return false;
  if (lower !== null) {
    for (const n of needles) if (lower.includes(n)) return true;
    return false;
  }
  return any && NEEDLE_RES[r]!.test(text);
}

/** The first word of a line, where the anchored rules start: letters, "©" or "(" after any bullets. */
const FIRST_WORD = /^[\s|\u2022-]*(\[?[a-z\u00a9(]+)/i;
/** Characters outside ASCII whose lower case is an ASCII letter (K, İ). */
const FOLDS_INTO_ASCII = /[\u212a\u0130]/;

const WHOLE_LINE: ReadonlyArray<readonly [BoilerplateKind, RegExp]> = [
  ['social', /^(share|share this|tweet|print|email|e-mail|copy link|whatsapp|pin it)$/i],
  ['comment', /^(\d+ )?comments?( \(\d+\))?$/i],
  ['promo', /^(advertisement|advert|sponsored|sponsored content|promoted|paid content|log ?in|sign in|register|subscribe|sign up|watch|listen)$/i],
  ['navigation', /^(skip to (main )?content|back to top|home|menu|search|close|open|next|previous|(image|photo|slide) \d+ (of )?\/? ?\d+|\d+ (of|\/) \d+|caption|enlarge( image| photo)?|expand|tags|filed under.*|about the author|order reprints|print article|text size|learn more|view gallery|view comments|advertisement|iklan|anzeige|publicit[\u00e9e])$/i],
  ['related', /^(related|related content|related posts|more|recommended|trending|latest|top stories|up next|don['\u2019]?t miss|recent (articles|posts|stories)|popular (this week|now|today)|more .{1,30} (news|stories)|more articles( from .{1,40})?|must read|editor['\u2019]?s picks)$/i],
];

/**
 * The boilerplate kind of a short line by its phrasing, or null. Plain narrative (a long sentence)
 * is never boilerplate, even when it mentions a newsletter.
 */
export function boilerplateKind(text: string): BoilerplateKind | null {
  if (text.length > SHORT) return null;
  const words = countWords(text, 31);
  if (words > 24) return null;
  if (words <= 6) {
    const bare = trimEnd(text, ' \t\n\r\u00a0:.!|>\u00bb\u203a\u2192-').replace(/^[\s|\u2022-]+/, '');
    for (const [kind, rule] of WHOLE_LINE) if (rule.test(bare)) return kind;
  }
  // The first word and the needles are read on the line itself by case-blind regexes, not on a lower-cased
  // copy. Two characters from outside ASCII lower-case into ASCII letters (the Kelvin sign, the dotted
  // capital I), which a case-blind regex does not fold: a line with one is lower-cased as before.
  const lower = FOLDS_INTO_ASCII.test(text) ? text.toLowerCase() : null;
  // The anchored rules all start with one of a few words: most lines are ruled out by their first.
  const first = (lower === null ? FIRST_WORD.exec(text)?.[1]?.toLowerCase() : FIRST_WORD.exec(lower)?.[1]) ?? '';
  const anchoredMayMatch = FIRST_WORDS.has(first) || first.startsWith('\u00a9') || first.startsWith('(c');
  const any = lower === null && !anchoredMayMatch && ANY_NEEDLE.test(text);
  for (let r = 0; r < BOILERPLATE_RULES.length; r++) {
    const [kind, rule] = BOILERPLATE_RULES[r]!;
    if (kind === 'agency' && words > 20) continue;
    // Rules that search the whole line run only when a word they need is there.
    if (!anchoredMayMatch && !holdsNeedle(r, text, lower, any)) continue;
    if (rule.test(text)) return kind;
  }
  if (isAgencySignoff(text)) return 'agency';
  if (words >= 2 && words <= 10 && SOCIAL_WORDS.has(first) && text.split(/[\s|\u2022\u00b7/]+/).every((w) => w === '' || SOCIAL_WORDS.has(w.toLowerCase()))) return 'social';
  if (words <= 3 && /^(https?:\/\/|www\.|[\w.+-]+@[\w-]+\.|(twitter|facebook|instagram)\.com\/)\S*$/i.test(text.split(' ')[0]!) && !/\s\S/.test(text.trim())) return 'social';
  if (words <= 30 && AUTHOR_BIO.test(text)) return 'other';
  return null;
}

// A row of share buttons: "share tweet pin email", "Facebook Twitter WhatsApp".
const SOCIAL_WORDS = new Set(['share', 'tweet', 'pin', 'email', 'e-mail', 'print', 'facebook', 'twitter', 'whatsapp', 'linkedin', 'reddit', 'pinterest', 'messenger', 'telegram', 'comment', 'comments', 'save', 'copy', 'link', 'flipboard', 'x']);

// "Phil Helsel is a reporter for NBC News.", "Jeff Foust (jeff@…) is the editor and publisher of …".
const AUTHOR_BIO =
  /^\p{Lu}[\p{L}.'\u2019-]+(?: \p{Lu}[\p{L}.'\u2019-]+){0,3}(?: \([^)]{1,60}\))? (?:is|was|has been) (?:a|an|the)(?: [\w-]+){0,4} (?:reporter|writer|editor|correspondent|journalist|contributor|columnist|producer|publisher|author|freelancer|intern|critic)\b/u;

/** "Al Jazeera and Reuters", "The Associated Press", "AP": a short capitalised line naming agencies. */
export function isAgencySignoff(text: string): boolean {
  if (text.length > 80) return false;
  const words = countWords(text, 9);
  if (words > 8 || endsSentence(text)) return false;
  if (!AGENCY.test(text) && !/\b(wire services|agencies|staff and agencies|staff)\s*$/i.test(text)) return false;
  return capitalisedShare(text) >= 0.75 && !/[:;,]$/.test(text);
}

/** A line that announces a list of links: "Read more:", "Related:", "More on this story". */
export function isRelatedHeader(text: string): boolean {
  if (text.length > 80 || countWords(text, 9) > 8) return false;
  const kind = boilerplateKind(text);
  return kind === 'related' && (text.endsWith(':') || !endsSentence(text));
}

/** "By Jane Doe and John Roe", optionally with a role or outlet after a comma or a bar. */
export function parseByline(text: string): { byline: string; authors: string[] } | null {
  if (text.length > 200 || countWords(text, 21) > 20) return null;
  const m = /^(?:by|from|words by|written by|reporting by)(?:\s*:\s*|\s+)(\S.*)$/i.exec(text.trim());
  if (!m) return null;
  // "By Andrew Roth and Karen DeYoung September 15, 2015": the date is not part of the names.
  const names = m[1]!;
  const date = /\b(?:updated|published|posted)\b|(?:\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,? )?\b(?:[A-Z][a-z]{2,8}\.? \d{1,2},? \d{4}|\d{1,2} [A-Z][a-z]{2,8},? \d{4})/i.exec(names);
  const rest = trimEnd(date ? names.slice(0, date.index) : names, ' ,|\t');
  if (capitalisedShare(rest) < 0.6 || endsSentence(rest.replace(/\b[A-Z]\.$/, 'X'))) {
    if (!/^\p{Lu}/u.test(rest)) return null;
  }
  return { byline: text.trim(), authors: splitAuthors(rest) };
}

/**
 * A byline without "By", as some outlets print it: "Shaun Walker in Moscow", "Jane Doe and John Roe in
 * Dushanbe". Only meaningful near the top of an article.
 */
export function parseByPlaceLine(text: string): { byline: string; authors: string[] } | null {
  if (text.length > 90 || countWords(text, 11) > 10 || endsSentence(text)) return null;
  const m = /^((?:\p{Lu}[\p{L}'\u2019.-]+ ){1,3}(?:(?:and|&) (?:\p{Lu}[\p{L}'\u2019.-]+ ){1,3})?)in \p{Lu}[\p{L}'\u2019.-]+(?: \p{Lu}[\p{L}'\u2019.-]+){0,2}$/u.exec(text.trim());
  if (!m || AGENCY.test(m[1]!)) return null;
  const authors = splitAuthors(m[1]!.trim());
  return authors.length > 0 ? { byline: text.trim(), authors } : null;
}

/** Author names from the name part of a byline: split on commas, "and", "&", bars; roles dropped. */
export function splitAuthors(names: string): string[] {
  const parts = names
    .split(/,|;|\||\band\b|&|\bwith\b|\u2014|\u2013| - /i)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const out: string[] = [];
  for (const p of parts) {
    const words = p.split(/\s+/);
    if (words.length > 5 || words.length === 0) continue;
    if (!words.every((w) => /^(\p{Lu}|\p{Lu}\p{Ll}*['\u2019]|de|van|von|der|da|al-|bin|ibn|la|le)/u.test(w))) continue;
    if (AGENCY.test(p) && words.length <= 3) continue;
    if (/^(staff|reporter|correspondent|editor|writer|contributor|updated|published|posted)\b/i.test(p)) continue;
    out.push(p);
  }
  return out;
}

/**
 * The dateline that opens a paragraph: "MOSCOW (AP) —", "DUSHANBE, Tajikistan (Reuters) -",
 * "LONDON:". Returns the dateline without its dash, or null.
 */
export function findDateline(paragraph: string): string | null {
  const head = paragraph.slice(0, 120);
  const m = /^([A-Z][A-Z.'\u2019-]+(?: [A-Z][A-Z.'\u2019-]+){0,3}(?:, [A-Z][A-Za-z.]+(?: [A-Z][A-Za-z.]+){0,2})?(?:,? [A-Z][a-z]{2,8}\.? \d{1,2})?(?: \([A-Za-z .&/-]{1,40}\))?)(?: ?[\u2014\u2013]| --? |: )/.exec(head);
  if (!m) return null;
  const place = m[1]!;
  // The place must be an all-capitals word of at least three letters ("WASHINGTON", "NEW YORK").
  if (!/^[A-Z][A-Z.'\u2019-]{2,}/.test(place)) return null;
  return place.trim();
}

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

function isoDate(y: number, mo: number, d: number): string | null {
  if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  if (date.getUTCMonth() !== mo - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * A line that only carries the publication time: "Published 15 September 2015", "Updated: Sept. 15,
 * 2015 10:02 a.m.", "Posted Nov 19, 6:51 AM", "23 Nov 2017".
 */
export function isTimestampLine(text: string): boolean {
  if (text.length > 160 || countWords(text, 19) > 18) return false;
  if (!/\d/.test(text)) return false;
  const t = text.replace(/^[\s|\u2022-]+/, '');
  if (/^(published|updated|posted|first published|last updated|last modified|date|original)\b/i.test(t)) return /\d/.test(t);
  if (!/\b(19|20)\d\d\b/.test(t) && findDates(t).length === 0) return false;
  // What is left once dates, times, separators, month and day names and "updated" are taken out: at
  // most a short source tag ("CBS News").
  const rest = t
    .replace(/\b(am|pm|a\.m|p\.m|gmt|utc|bst|cet|edt|est|et|pdt|pst|amt|(mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|wed|thu|fri|sat|sun|jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sept?(ember)?|oct(ober)?|nov(ember)?|dec(ember)?|updated|published|posted|original|at|on)\b/gi, ' ')
    .replace(/\d+(st|nd|rd|th)?/g, ' ')
    .replace(/[,.:;|/\s\u2013\u2014-]+/g, ' ')
    .trim();
  return rest.length === 0 || countWords(rest, 3) <= 2;
}

// Verbs and words of photo captions ("X attends a meeting", "Y, pictured in 2014", "seen on a screen").
const CAPTION_WORDS =
  /\b(attends|listens|meets|speaks|gestures|arrives|departs|waves|talks|looks on|poses|walks|sits|stands|delivers|addresses|shakes hands|greets|holds|chats|smiles|reacts|leaves|votes|celebrates|prepares|inspects|visits|rides|watches|pictured|is seen|are seen|file photo|photo|photograph|image)\b|\((?:from )?(?:left|right|center|centre|top|bottom|l|r|l-r|l to r)\)/i;

/** Whether a line that is not a sentence reads like a photo caption (caption verbs and words). */
export function hasCaptionWords(text: string): boolean {
  return text.length <= 600 && CAPTION_WORDS.test(text);
}

/** Calendar dates written out in a short text: "Sept. 15, 2015", "15 September 2015", "2015-09-15". */
export function findDates(text: string): string[] {
  const t = text.length > 2000 ? text.slice(0, 2000) : text;
  const out: string[] = [];
  const mdy = /\b([A-Za-z][a-z]{2,8})\.? (\d{1,2})(?:st|nd|rd|th)?, (\d{4})\b/g;
  const dmy = /\b(\d{1,2}) ([A-Za-z][A-Za-z]{2,8})\.?,? (\d{4})\b/g;
  const iso = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
  for (const m of t.matchAll(mdy)) {
    const mo = MONTHS[m[1]!.toLowerCase()];
    const d = mo ? isoDate(Number(m[3]), mo, Number(m[2])) : null;
    if (d) out.push(d);
  }
  for (const m of t.matchAll(dmy)) {
    const mo = MONTHS[m[2]!.toLowerCase()];
    const d = mo ? isoDate(Number(m[3]), mo, Number(m[1])) : null;
    if (d) out.push(d);
  }
  for (const m of t.matchAll(iso)) {
    const d = isoDate(Number(m[1]), Number(m[2]), Number(m[3]));
    if (d) out.push(d);
  }
  return out;
}

/**
 * Normalises a metadata date to what the schema accepts: an instant with its offset (as UTC), or a
 * calendar date when the source gives no time zone (the day is certain, the instant is not).
 */
export function normaliseDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const v = value.trim();
  if (v.length > 64) return null;
  const dateOnly = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (dateOnly) return isoDate(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]));
  const full = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i.exec(v);
  if (full) {
    const day = isoDate(Number(full[1]), Number(full[2]), Number(full[3]));
    if (!day) return null;
    if (!full[7]) return day;
    const zone = full[7].toUpperCase() === 'Z' ? 'Z' : full[7].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2');
    const t = Date.parse(`${day}T${full[4]}:${full[5]}:${full[6] ?? '00'}${zone}`);
    return Number.isNaN(t) ? day : new Date(t).toISOString().replace('.000Z', 'Z');
  }
  const written = findDates(v);
  if (written.length > 0) return written[0]!;
  // RFC 2822 and other forms Date understands, when they carry a zone.
  if (/(GMT|UTC|[+-]\d{4}|\b[ECMP][SD]T)\b/.test(v)) {
    const t = Date.parse(v);
    if (!Number.isNaN(t)) return new Date(t).toISOString().replace('.000Z', 'Z');
  }
  return null;
}
