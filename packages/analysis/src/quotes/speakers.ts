// Parses the phrase that names a speaker ("Navy Capt. Jeff Davis, a Pentagon spokesman", "the Russian
// president", "he", "U.S. officials") and resolves it to an entity within one article: surnames to full
// names, descriptions to the person who holds that role, pronouns to the subject of the nearest
// preceding sentence that names someone.
import type { EntityKind, Span } from '@parallax/schema';
import { GROUP_WORDS, HONORIFICS, NON_NAME_CAPS, ORG_WORDS, PRONOUNS, TITLE_WORDS } from './lexicon.js';

export interface Token {
  text: string;
  start: number;
  end: number;
  /** The text lower-cased, computed once: the attribution rules compare it many times. */
  low?: string;
}

/** A token's lower-cased text, cached on the token. */
export function lowOf(t: Token): string {
  return t.low ?? (t.low = t.text.toLowerCase());
}

const TOKEN = /[\p{L}\p{N}][\p{L}\p{N}'’.\-]*|[,;:()]/gu;

/**
 * The tokens of one body, computed once; ranges are cut by binary search. extractQuotes sets the
 * current body's index so the many small frames it examines reuse one tokenisation.
 */
let indexed: { body: string; tokens: Token[] } | null = null;

export function indexTokens(body: string | null): void {
  indexed = body === null ? null : { body, tokens: tokenizeRaw(body, 0, body.length) };
}

function firstAtOrAfter(tokens: readonly Token[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function tokenize(text: string, from: number, to: number): Token[] {
  if (indexed && indexed.body === text) {
    const all = indexed.tokens;
    const out: Token[] = [];
    for (let i = firstAtOrAfter(all, from); i < all.length; i++) {
      const t = all[i]!;
      if (t.start >= to) break;
      if (t.end <= to) out.push(t);
      else {
        const cut = text.slice(t.start, to);
        if (cut) out.push({ text: cut, start: t.start, end: to });
      }
    }
    return out;
  }
  return tokenizeRaw(text, from, to);
}

function tokenizeRaw(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = TOKEN.exec(text)) !== null && m.index < to) {
    let t = m[0];
    // A trailing full stop belongs to the token only for abbreviations ("Capt.", "U.S.").
    if (t.length > 1 && t.endsWith('.') && !/^(?:[A-Z]\.)+$|^(?:mr|mrs|ms|dr|capt|gen|sen|rep|gov|lt|col|sgt|adm|st|jr|sr|prof|rev|u\.s|u\.k|u\.n)\.$/i.test(t)) t = t.slice(0, -1);
    const end = Math.min(m.index + t.length, to);
    out.push({ text: text.slice(m.index, end), start: m.index, end });
    TOKEN.lastIndex = end;
  }
  return out;
}

/** Documents that speak for their authors. */
const DOCUMENT_WORDS = new Set(['statement', 'letter', 'ad', 'advert', 'advertisement', 'email', 'tweet', 'post', 'memo', 'release', 'video', 'filing', 'report', 'transcript']);
const DETERMINERS = new Set(['a', 'an', 'the', 'some', 'two', 'three', 'several', 'many', 'one', 'other', 'another']);
const bare = (t: string) => {
  // Fast path: most tokens have no possessive, apostrophe or trailing dot.
  const last = t.charCodeAt(t.length - 1);
  if (last !== 46 && last !== 0x2019 && !((last === 115 || last === 83) && t.length > 2 && (t.charCodeAt(t.length - 2) === 0x2019 || t.charCodeAt(t.length - 2) === 39))) return t.toLowerCase();
  return t.replace(/[.’']s$|’$/u, '').replace(/\.$/, '').toLowerCase();
};
/** Starts with an upper-case letter (or a name particle before one: "al-Assad"). */
export const isCapitalised = (t: string) => {
  if (t.length === 0) return false;
  const c = t.charCodeAt(0);
  if (c >= 65 && c <= 90) return true;
  if (c < 128) return c >= 97 && c <= 122 && t.length > 3 && t.indexOf('-') > 0 && t.indexOf('-') <= 3 && /^(?:al|el|bin|ibn|de|van|von|da|di|le|la)-\p{Lu}/u.test(t);
  const ch = t[0]!;
  return ch !== ch.toLowerCase();
};
const isNameParticle = (t: string) => ['al', 'el', 'bin', 'ibn', 'de', 'van', 'von', 'da', 'di', 'du', 'der', 'la', 'le', 'of'].includes(t.toLowerCase());

/** Drop short bracketed groups: "(R)", "(D-Wis.)", "(a Republican PAC)". */
function dropParentheticals(tokens: Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.text === '(') {
      const close = tokens.findIndex((t, k) => k > i && t.text === ')');
      if (close > i && close - i <= 8) {
        i = close;
        continue;
      }
    }
    out.push(tokens[i]!);
  }
  return out;
}

export type PhraseKind = 'name' | 'pronoun' | 'description' | 'group' | 'organisation';

export interface ParsedSource {
  kind: PhraseKind;
  /** The proper name (person or organisation), the pronoun, or the description without its article. */
  name: string;
  entityKind: EntityKind;
  /** Where the name (or the whole phrase) is in the body. */
  span: Span;
  /** Titles and appositive descriptions attached to the name ("Pentagon spokesman"). */
  roles: string[];
  pronoun?: 'male' | 'female' | 'plural' | 'neuter' | 'first';
}

/** Strip leading determiners and conjunctions from a token run. */
function stripLeading(tokens: Token[]): Token[] {
  let i = 0;
  while (i < tokens.length && ['and', 'but', 'or', 'so', 'then', 'also', 'while', 'as'].includes(tokens[i]!.text.toLowerCase())) i++;
  return tokens.slice(i);
}

/**
 * Find the proper name inside one comma-free part of a phrase: the last run of capitalised words that
 * are neither titles nor honorifics. Returns null when the part has no name (a description).
 */
function nameIn(tokens: Token[]): { tokens: Token[]; roleTokens: Token[]; honorific: boolean } | null {
  let end = tokens.length;
  // Trailing weekdays and months are not part of a name ("Putin Tuesday"), nor is a trailing lower-case
  // head ("RIA Novosti news agency") or adverb ("Putin Tuesday strongly"): strip both, in any order.
  while (end > 0 && (NON_NAME_CAPS.has(bare(tokens[end - 1]!.text)) || !isCapitalised(tokens[end - 1]!.text))) end--;
  if (end === 0) return null;
  let start = end;
  while (start > 0) {
    const t = tokens[start - 1]!;
    const b = bare(t.text);
    if (isCapitalised(t.text) && !TITLE_WORDS.has(b) && !HONORIFICS.has(b)) start--;
    else if (isNameParticle(t.text) && start - 1 > 0 && isCapitalised(tokens[start - 2]!.text) && start < end) start--;
    else break;
  }
  // "of" may only join words inside a name ("Bank of England"), never open it; nor may "The" ("The Pentagon").
  while (start < end && ((isNameParticle(tokens[start]!.text) && !/-/.test(tokens[start]!.text)) || DETERMINERS.has(tokens[start]!.text.toLowerCase()))) start++;
  if (start === end) return null;
  const nameTokens = tokens.slice(start, end);
  if (nameTokens.every((t) => NON_NAME_CAPS.has(bare(t.text)))) return null;
  const before = tokens.slice(0, start);
  const honorific = before.length > 0 && HONORIFICS.has(bare(before[before.length - 1]!.text));
  return { tokens: nameTokens, roleTokens: before.filter((t) => !HONORIFICS.has(bare(t.text)) && !['the', 'a', 'an'].includes(t.text.toLowerCase())), honorific };
}

const joinTokens = (text: string, tokens: Token[]) => (tokens.length ? text.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end) : '');

function kindOfName(text: string, name: Token[], roleTokens: Token[], all: Token[], honorific: boolean): EntityKind {
  const words = all.map((t) => bare(t.text));
  const nameWords = name.map((t) => bare(t.text));
  if (honorific || roleTokens.some((t) => TITLE_WORDS.has(bare(t.text)))) return 'person';
  if (nameWords.some((w) => ORG_WORDS.has(w)) || words.slice(words.indexOf(nameWords[nameWords.length - 1]!) + 1).some((w) => ORG_WORDS.has(w))) return 'organisation';
  if (name.length === 1 && /^[\p{Lu}.]{2,}$/u.test(name[0]!.text)) return 'organisation'; // NATO, AP, CNN
  if (all[0] && all[0].text.toLowerCase() === 'the' && name.length <= 3) return 'organisation'; // the Pentagon, The Post
  void text;
  return 'person';
}

/** Parse the phrase text[from, to) that names a speaker. */
export function parseSourcePhrase(text: string, from: number, to: number): ParsedSource | null {
  // Party and state tags are not part of a name: "Gov. Pat McCrory (R)", "Rep. Gwen Moore (D-Wis.)".
  const tokens = stripLeading(dropParentheticals(tokenize(text, from, to)));
  if (tokens.length === 0 || tokens.length > 24) return null;
  const first = tokens[0]!;
  if (tokens.length === 1 && PRONOUNS.has(first.text.toLowerCase())) {
    return { kind: 'pronoun', name: first.text, entityKind: 'unknown', span: { start: first.start, end: first.end }, roles: [], pronoun: PRONOUNS.get(first.text.toLowerCase())! };
  }
  // Appositives: "Navy Capt. Jeff Davis, a Pentagon spokesman" / "Putin's spokesman, Dmitry Peskov".
  const parts: Token[][] = [[]];
  for (const t of tokens) {
    if (t.text === ',' || t.text === '(' || t.text === ')') parts.push([]);
    else parts[parts.length - 1]!.push(t);
  }
  const nonEmpty = parts.filter((p) => p.length);
  let best: { part: Token[]; found: NonNullable<ReturnType<typeof nameIn>> } | null = null;
  // Without a closing comma, the part next to the cue is the subject and earlier parts are an intro
  // ("Speaking at a rally in Novi, Michigan, Trump says"); with one, it is an appositive.
  const lastPart = nonEmpty[nonEmpty.length - 1];
  const closedByComma = tokens[tokens.length - 1]?.text === ',' || text.slice(tokens[tokens.length - 1]!.end, to).includes(',');
  if (nonEmpty.length > 1 && lastPart && !closedByComma && !DETERMINERS.has(lastPart[0]!.text.toLowerCase())) {
    const found = nameIn(lastPart);
    if (found && !/[’']s$/.test(found.tokens[found.tokens.length - 1]!.text)) best = { part: lastPart, found };
  }
  for (const part of nonEmpty) {
    // "during a town hall meeting in Columbus" is an adverbial, not the speaker.
    if (nonEmpty.length > 1 && /^(?:during|in|at|on|after|before|while|from|for|with|like|speaking|asked|reached|who|which|according)$/i.test(part[0]!.text)) continue;
    if (best) break;
    const found = nameIn(part);
    if (!found) continue;
    // Prefer a part whose name is not inside a possessive description ("Putin's spokesman").
    const possessiveDescription = /[’']s$/.test(found.tokens[found.tokens.length - 1]!.text) && part.length > found.tokens.length;
    if (possessiveDescription) continue;
    if (!best) best = { part, found };
  }
  if (best) {
    const { part, found } = best;
    const trailing = part.slice(part.indexOf(found.tokens[found.tokens.length - 1]!) + 1).map((t) => bare(t.text));
    const head = trailing[trailing.length - 1];
    if (head && GROUP_WORDS.has(head)) {
      const desc = joinTokens(text, part.filter((t, i) => !(i === 0 && DETERMINERS.has(t.text.toLowerCase()))));
      return { kind: 'group', name: desc, entityKind: 'group', span: { start: part[0]!.start, end: part[part.length - 1]!.end }, roles: [] };
    }
    if (head && TITLE_WORDS.has(head) && !ORG_WORDS.has(head)) {
      // "the Russian president", "a Pentagon spokesman": a description of a person, not a name.
      const desc = joinTokens(text, part.filter((t, i) => !(i === 0 && DETERMINERS.has(t.text.toLowerCase()))));
      return { kind: 'description', name: desc, entityKind: 'person', span: { start: part[0]!.start, end: part[part.length - 1]!.end }, roles: [] };
    }
    const roles = [
      ...(found.roleTokens.length ? [joinTokens(text, found.roleTokens)] : []),
      ...nonEmpty.filter((p) => p !== part).map((p) => joinTokens(text, p.filter((t, i) => !(i === 0 && ['a', 'an', 'the'].includes(t.text.toLowerCase()))))),
    ].filter((r) => r.length > 1);
    const kind = kindOfName(text, found.tokens, found.roleTokens, part, found.honorific);
    const nameTokens = found.tokens;
    const last = nameTokens[nameTokens.length - 1]!;
    const lastHead = bare(last.text);
    const name = joinTokens(text, nameTokens).replace(/[’']s$/u, '');
    // "U.S. officials", "Russian officials": a capitalised modifier of a group noun is not a name.
    const after = part.slice(part.indexOf(last) + 1).map((t) => bare(t.text));
    if (after.length && GROUP_WORDS.has(after[after.length - 1]!) && kind !== 'organisation') {
      const desc = joinTokens(text, part.filter((t, i) => !(i === 0 && ['a', 'an', 'the', 'some', 'two', 'three', 'several', 'many'].includes(t.text.toLowerCase()))));
      return { kind: 'group', name: desc, entityKind: 'group', span: { start: part[0]!.start, end: part[part.length - 1]!.end }, roles: [] };
    }
    void lastHead;
    return { kind: kind === 'organisation' ? 'organisation' : 'name', name, entityKind: kind, span: { start: nameTokens[0]!.start, end: last.end }, roles };
  }
  const head = bare(tokens[tokens.length - 1]!.text);
  const desc = joinTokens(text, tokens.filter((t, i) => !(i === 0 && ['a', 'an', 'the', 'some', 'one'].includes(t.text.toLowerCase()))));
  const span = { start: tokens[0]!.start, end: tokens[tokens.length - 1]!.end };
  // A document speaks for its author: "a statement from Mr. Trump", "Romney's statement".
  if (DOCUMENT_WORDS.has(head) || tokens.some((t) => DOCUMENT_WORDS.has(bare(t.text)))) {
    const from = tokens.findIndex((t, k) => k > 0 && ['from', 'by'].includes(t.text.toLowerCase()) && tokens[k + 1] !== undefined);
    const author = from > 0 ? nameIn(tokens.slice(from + 1).filter((t) => !DETERMINERS.has(t.text.toLowerCase()))) : null;
    if (author && author.tokens.length) {
      const last = author.tokens[author.tokens.length - 1]!;
      return { kind: 'name', name: joinTokens(text, author.tokens).replace(/[’']s$/u, ''), entityKind: kindOfName(text, author.tokens, author.roleTokens, tokens, author.honorific), span: { start: author.tokens[0]!.start, end: last.end }, roles: [] };
    }
    // "Steele issued a statement saying ...": with no author in the phrase, the sentence's subject speaks.
    if (DOCUMENT_WORDS.has(head) && tokens.length <= 3) return null;
  }
  if (GROUP_WORDS.has(head) || (head.length > 3 && head.endsWith('s') && !head.endsWith('ss') && /^[a-z-]+$/.test(tokens[tokens.length - 1]!.text) && tokens.length <= 6)) return { kind: 'group', name: desc, entityKind: 'group', span, roles: [] };
  if (ORG_WORDS.has(head)) return { kind: 'organisation', name: desc, entityKind: 'organisation', span, roles: [] };
  // A description must end in a word that names a person's role ("spokesman", "president").
  if (tokens.length > 8 || !TITLE_WORDS.has(head)) return null;
  return { kind: 'description', name: desc, entityKind: 'person', span, roles: [] };
}

// ---------------------------------------------------------------------------------------------------

export interface ArticleEntity {
  key: string;
  name: string;
  kind: EntityKind;
  aliases: Set<string>;
  roles: Set<string>;
  /** Offsets of mentions, in order. */
  mentions: number[];
}

const normRole = (r: string) =>
  r
    .toLowerCase()
    .replace(/^(?:the|a|an)\s+/, '')
    .replace(/[’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

const surname = (name: string) => {
  const parts = name.split(/\s+/);
  const last = parts[parts.length - 1]!;
  return last.replace(/^(?:al|el|bin|ibn)-/i, '').replace(/[’']s$/u, '').toLowerCase();
};

/** Entities of one article and the mentions that name them. */
export class ArticleEntities {
  readonly byKey = new Map<string, ArticleEntity>();
  /** Lower-cased alias -> entity, kept in step with every entity's aliases. */
  private readonly aliasIndex = new Map<string, ArticleEntity>();
  /** Person-like mentions in body order (for pronoun resolution). */
  readonly personMentions: { offset: number; entity: ArticleEntity }[] = [];

  /** Pronouns already resolved, by offset (a chain: "Putin ... He said ... he added"). */
  readonly pronounAt = new Map<number, ArticleEntity>();
  /** Quoted stretches: names inside a quote are not antecedents for the attribution's pronoun. */
  quoted: readonly Span[] = [];

  constructor(readonly body: string) {}

  insideQuote(offset: number): boolean {
    // Quoted spans are in body order and do not overlap: binary search.
    let lo = 0;
    let hi = this.quoted.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const q = this.quoted[mid]!;
      if (offset < q.start) hi = mid - 1;
      else if (offset >= q.end) lo = mid + 1;
      else return true;
    }
    return false;
  }

  /** Index of the first person mention at or after `offset` (mentions are kept sorted). */
  private mentionIndex(offset: number): number {
    let lo = 0;
    let hi = this.personMentions.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.personMentions[mid]!.offset < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Resolve every subject pronoun (he, she) in body order, so chains of pronouns follow one person. */
  resolvePronouns(sentences: readonly Span[]): void {
    // One pass over the body (a per-sentence scan would run on past each sentence's end).
    const re = /\b(?:he|she|He|She)\b/g;
    {
      let m: RegExpExecArray | null;
      while ((m = re.exec(this.body)) !== null) {
        // Already resolved by an earlier pass: resolving again would add a second mention.
        if (this.pronounAt.has(m.index) || this.insideQuote(m.index)) continue;
        const entity = this.resolvePronoun(m.index, sentences, PRONOUNS.get(m[0].toLowerCase()));
        if (!entity) continue;
        const offset = m.index;
        this.pronounAt.set(offset, entity);
        this.personMentions.splice(this.mentionIndex(offset + 1), 0, { offset, entity });
      }
    }
  }

  private key(kind: EntityKind, name: string) {
    return `${kind === 'person' ? 'person' : kind}:${name.toLowerCase()}`;
  }

  /** The entity a proper name refers to: an exact full name, or a known full name with this surname. */
  findByName(name: string, kind: EntityKind): ArticleEntity | undefined {
    const exact = this.byKey.get(this.key(kind, name)) ?? this.byKey.get(this.key('person', name)) ?? this.byKey.get(this.key('organisation', name));
    if (exact) return exact;
    const lower = name.toLowerCase();
    const aliased = this.aliasIndex.get(lower);
    if (aliased) return aliased;
    // People with several words in their name, by surname (an index, not a scan of every entity).
    const candidates = this.bySurname.get(surname(name));
    if (kind !== 'person' || name.includes(' ')) {
      // A longer known name that ends with this one ("Vladimir Putin" for "Putin"), when multi-word too.
      if (name.includes(' ')) for (const e of candidates ?? []) if (e.name.toLowerCase().endsWith(' ' + lower)) return e;
      if (kind !== 'person') return undefined;
    }
    let best: ArticleEntity | undefined;
    for (const e of candidates ?? []) {
      // Several people share the surname: take the one named most recently.
      if (!best || (e.mentions[e.mentions.length - 1] ?? -1) > (best.mentions[best.mentions.length - 1] ?? -1)) best = e;
    }
    return best;
  }

  /** Multi-word person names by surname, kept in step with byKey. */
  private readonly bySurname = new Map<string, ArticleEntity[]>();

  private indexSurname(e: ArticleEntity): void {
    if (e.kind !== 'person' || !e.name.includes(' ')) return;
    const s = surname(e.name);
    const list = this.bySurname.get(s);
    if (!list) this.bySurname.set(s, [e]);
    else if (!list.includes(e)) list.push(e);
  }

  /** Record a proper name (with roles) seen at `offset`; returns its entity. */
  add(name: string, kind: EntityKind, offset: number, roles: readonly string[] = [], alias?: string): ArticleEntity {
    let entity = this.findByName(name, kind);
    if (entity && name.includes(' ') && !entity.name.includes(' ') && entity.kind === 'person') {
      // A full name arrives after a surname-only entity: upgrade it.
      this.byKey.delete(entity.key);
      entity.aliases.add(entity.name.toLowerCase());
      if (!this.aliasIndex.has(entity.name.toLowerCase())) this.aliasIndex.set(entity.name.toLowerCase(), entity);
      entity.name = name;
      entity.key = this.key(kind, name);
      this.byKey.set(entity.key, entity);
      this.indexSurname(entity);
    }
    if (!entity) {
      entity = { key: this.key(kind, name), name, kind, aliases: new Set(), roles: new Set(), mentions: [] };
      this.byKey.set(entity.key, entity);
      this.indexSurname(entity);
    }
    const addAlias = (a: string) => {
      const l = a.toLowerCase();
      if (l === entity!.name.toLowerCase()) return;
      entity!.aliases.add(l);
      if (!this.aliasIndex.has(l)) this.aliasIndex.set(l, entity!);
    };
    if (name !== entity.name) addAlias(name);
    if (alias) addAlias(alias);
    for (const r of roles) if (r.length > 2 && r.length < 80) entity.roles.add(r);
    entity.mentions.push(offset);
    if (entity.kind === 'person') this.personMentions.push({ offset, entity });
    return entity;
  }

  /** The person who holds a role described as `description` ("the Russian president"). */
  findByRole(description: string): ArticleEntity | undefined {
    const d = normRole(description);
    if (d.length < 3) return undefined;
    let best: ArticleEntity | undefined;
    let bestScore = 0;
    const dWords = d.split(' ');
    for (const e of this.byKey.values()) {
      for (const r of e.roles) {
        const rn = normRole(r);
        let score = 0;
        if (rn === d) score = 3;
        else if (rn.endsWith(d) || d.endsWith(rn)) score = 2;
        else {
          const rWords = new Set(rn.split(' '));
          const shared = dWords.filter((w) => rWords.has(w)).length;
          // The head noun must agree ("spokesman"), and most modifiers.
          if (rWords.has(dWords[dWords.length - 1]!) && shared / dWords.length >= 0.6) score = 1;
        }
        if (score > bestScore) {
          best = e;
          bestScore = score;
        }
      }
    }
    return best;
  }

  /** The person a pronoun at `offset` refers to: the first person named in the nearest preceding sentence that names one. */
  resolvePronoun(offset: number, sentences: readonly Span[], pronoun: ParsedSource['pronoun']): ArticleEntity | undefined {
    if (pronoun !== 'male' && pronoun !== 'female') return undefined;
    const known = this.pronounAt.get(offset);
    if (known) return known;
    let si = sentences.findIndex((s) => s.start <= offset && offset < s.end);
    if (si < 0) si = sentences.findIndex((s) => s.start > offset) - 1;
    for (let k = si; k >= 0 && k >= si - 4; k--) {
      const s = sentences[k]!;
      const limit = k === si ? offset : s.end;
      for (let i = this.mentionIndex(s.start); i < this.personMentions.length; i++) {
        const m = this.personMentions[i]!;
        if (m.offset >= limit) break;
        if (!this.insideQuote(m.offset)) return m.entity;
      }
    }
    return undefined;
  }
}

/**
 * Pre-pass over the body: learn full names with their titles ("Russian President Vladimir Putin",
 * "Kremlin spokesman Dmitry Peskov") so later surnames, descriptions and pronouns resolve.
 */
export function learnNames(body: string, entities: ArticleEntities): void {
  const tokens = tokenize(body, 0, body.length);
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    // Honorifics are capitalised in running text ("Mr", "Dr"), so one cheap test skips most tokens.
    if (!isCapitalised(t.text)) {
      i++;
      continue;
    }
    // A run of capitalised words (titles included), with name particles inside.
    let j = i;
    while (j < tokens.length && (isCapitalised(tokens[j]!.text) || (isNameParticle(tokens[j]!.text) && j + 1 < tokens.length && isCapitalised(tokens[j + 1]!.text)) || /^(?:spokesman|spokeswoman|spokesperson|minister|president|secretary)$/.test(tokens[j]!.text))) j++;
    const run = tokens.slice(i, j);
    i = Math.max(j, i + 1);
    if (run.length < 2) continue;
    // Lower-case title words before the run ("spokesman") were consumed only inside; find the name part.
    const found = nameIn(run);
    if (!found || found.tokens.length < 2 && !found.honorific && found.roleTokens.length === 0) continue;
    const nameText = joinTokens(body, found.tokens).replace(/[’']s$/u, '');
    const words = found.tokens.map((x) => bare(x.text));
    if (words.some((w) => ORG_WORDS.has(w) || NON_NAME_CAPS.has(w))) continue;
    if (found.tokens.length > 4) continue;
    const hasTitle = found.roleTokens.some((x) => TITLE_WORDS.has(bare(x.text))) || found.honorific;
    if (found.tokens.length < 2 && !hasTitle) continue;
    // Runs at a sentence start may begin with an ordinary capitalised word ("Speaking"): a name needs a title or 2+ words.
    const roles = found.roleTokens.length && found.roleTokens.some((x) => TITLE_WORDS.has(bare(x.text))) ? [joinTokens(body, found.roleTokens)] : [];
    // A title that is only an honorific adds no role.
    if (found.tokens.length === 1 && !entities.findByName(nameText, 'person') && !hasTitle) continue;
    entities.add(nameText, 'person', found.tokens[0]!.start, roles, found.honorific ? joinTokens(body, run.slice(run.indexOf(found.tokens[0]!) - 1, run.indexOf(found.tokens[found.tokens.length - 1]!) + 1)) : undefined);
  }

  // Second pass: surname-only mentions of the people just learnt ("Putin attacked critics").
  const surnames = new Map<string, ArticleEntity>();
  for (const e of entities.byKey.values()) if (e.kind === 'person' && e.name.includes(' ')) surnames.set(surname(e.name), e);
  for (const t of tokens) {
    if (!isCapitalised(t.text)) continue;
    const e = surnames.get(bare(t.text).replace(/^(?:al|el|bin|ibn)-/, ''));
    if (e && !e.mentions.includes(t.start) && !e.name.toLowerCase().startsWith(t.text.toLowerCase() + ' ')) {
      const full = e.name.split(/\s+/);
      // Skip the surname inside the full name itself.
      if (body.slice(Math.max(0, t.start - (e.name.length - full[full.length - 1]!.length)), t.end) === e.name) continue;
      e.mentions.push(t.start);
      entities.personMentions.push({ offset: t.start, entity: e });
    }
  }
  entities.personMentions.sort((a, b) => a.offset - b.offset);
  for (const e of entities.byKey.values()) e.mentions.sort((a, b) => a - b);
}
