// Schema-valid records made from real article text, for the store's tests and benchmark. Deliberately
// simple (quoted passages, sentences with numbers): the analysis engine is not a dependency of the store.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hashHex, makeId, type Article, type Claim, type Entity, type Outlet, type Quote, type StoryManifest } from '@parallax/schema';
import type { ArticleRecords } from '../src/store.js';

export const corpusDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../corpus/putin-syria-2015-09');

export interface TextMeta {
  sourcePath: string | null;
  sourceUrl?: string | null;
  outlet?: string | null;
  publishedAt?: string | null;
}

const quotePattern = /[“"]([^“”"\n]{8,600}?)[”"]/g;
const nameBefore = /((?:[A-Z][\p{L}'.-]+\s){0,2}[A-Z][\p{L}'.-]+)\s+(said|says|told [a-z ]+|added)[,:]?\s*$/u;
const nameAfter = /^[,.]?\s*(said|says|added)\s+((?:[A-Z][\p{L}'-]+\s?){1,3})/u;
const indirectPattern = /((?:[A-Z][\p{L}'-]+\s){0,2}[A-Z][\p{L}'-]+)\s(?:on [A-Z][a-z]+day\s)?(said that|said)\s([^"“”.]{12,300}\.)/gu;
const pronouns = new Set(['He', 'She', 'They', 'It', 'We', 'The', 'This', 'That']);
const sentencePattern = /[^.!?\n]+[.!?]+/g;
const numberPattern = /\d[\d,]*(?:\.\d+)?/g;

function outletOf(name: string | null | undefined): Outlet | null {
  if (!name) return null;
  return { id: makeId('outlet', name.toLowerCase()), name, domain: null };
}

/** Split text into a headline (a short first line without a full stop) and a clean body with paragraph spans. */
function cleanText(text: string): { headline: string | null; body: string; paragraphs: Array<{ start: number; end: number }> } {
  const blocks = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((b) => b.replace(/\s*\n\s*/g, ' ').trim())
    .filter((b) => b.length > 0);
  const first = blocks[0] ?? '';
  const headline = blocks.length > 1 && first.length < 160 && !/[.!?"”]$/.test(first) ? first : null;
  const paras = headline === null ? blocks : blocks.slice(1);
  const paragraphs: Array<{ start: number; end: number }> = [];
  let at = 0;
  for (const p of paras) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  return { headline, body: paras.join('\n\n'), paragraphs };
}

function speakerEntity(name: string, articleId: string): Entity {
  return { id: makeId('entity', 'person', name), kind: 'person', name, aliases: [], roles: [], articleIds: [articleId] };
}

/** The direct quotes of a body: quoted passages, with a speaker when "X said" or "said X" sits beside them. */
export function quotesOf(articleId: string, body: string): { quotes: Quote[]; entities: Entity[] } {
  const quotes: Quote[] = [];
  const entities = new Map<string, Entity>();
  for (const m of body.matchAll(quotePattern)) {
    const start = (m.index ?? 0) + 1;
    const text = m[1] as string;
    const end = start + text.length;
    const lineStart = body.lastIndexOf('\n', start) + 1;
    const before = body.slice(lineStart, start - 1);
    const after = body.slice(end + 1, end + 80);
    let speaker: Quote['speaker'] = null;
    let cue: Quote['cue'] = null;
    const b = nameBefore.exec(before);
    const a = nameAfter.exec(after);
    if (b && pronouns.has((b[1] as string).trim())) b.length = 0;
    if (b && b.length > 0) {
      const name = (b[1] as string).trim();
      const mentionStart = lineStart + (b.index ?? 0);
      const e = speakerEntity(name, articleId);
      entities.set(e.id, e);
      speaker = { name, entityId: e.id, mention: { text: name, span: { start: mentionStart, end: mentionStart + name.length } } };
      const cueStart = mentionStart + (b[0] as string).indexOf(b[2] as string, name.length);
      cue = { text: b[2] as string, span: { start: cueStart, end: cueStart + (b[2] as string).length } };
    } else if (a && !pronouns.has((a[2] as string).trim())) {
      const name = (a[2] as string).trim();
      const cueStart = end + 1 + (a[0] as string).indexOf(a[1] as string);
      const mentionStart = end + 1 + (a[0] as string).lastIndexOf(name);
      const e = speakerEntity(name, articleId);
      entities.set(e.id, e);
      speaker = { name, entityId: e.id, mention: { text: name, span: { start: mentionStart, end: mentionStart + name.length } } };
      cue = { text: a[1] as string, span: { start: cueStart, end: cueStart + (a[1] as string).length } };
    }
    quotes.push({
      id: makeId('quote', articleId, start, end, text),
      articleId,
      text,
      span: { start, end },
      kind: /[.!?]$/.test(text) ? 'direct' : 'partial',
      segments: [{ start, end }],
      speaker,
      via: null,
      cue,
      confidence: speaker ? 0.8 : 0.3,
      clusterId: null,
    });
  }
  // Reported speech: "<Name> said (that) <clause>." outside quote marks.
  for (const m of body.matchAll(indirectPattern)) {
    const name = m[1] as string;
    if (pronouns.has(name)) continue;
    const at = m.index ?? 0;
    const text = m[3] as string;
    const start = at + (m[0] as string).lastIndexOf(text);
    const end = start + text.length;
    const cueStart = at + name.length + (m[0] as string).slice(name.length).indexOf(m[2] as string);
    const e = speakerEntity(name, articleId);
    entities.set(e.id, e);
    quotes.push({
      id: makeId('quote', articleId, start, end, text),
      articleId,
      text,
      span: { start, end },
      kind: 'indirect',
      segments: [{ start, end }],
      speaker: { name, entityId: e.id, mention: { text: name, span: { start: at, end: at + name.length } } },
      via: null,
      cue: { text: m[2] as string, span: { start: cueStart, end: cueStart + (m[2] as string).length } },
      confidence: 0.6,
      clusterId: null,
    });
  }
  quotes.sort((x, y) => x.span.start - y.span.start);
  return { quotes, entities: [...entities.values()] };
}

/** Sentences that state a number, as quantity claims with their numbers normalised. */
export function claimsOf(articleId: string, body: string): Claim[] {
  const claims: Claim[] = [];
  for (const s of body.matchAll(sentencePattern)) {
    const raw = s[0];
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    if (!/\d/.test(text)) continue;
    const start = (s.index ?? 0) + lead;
    const quantities = [...text.matchAll(numberPattern)].map((n) => {
      const at = start + (n.index ?? 0);
      return {
        text: n[0],
        span: { start: at, end: at + n[0].length },
        value: Number(n[0].replace(/,/g, '')),
        high: null,
        qualifier: 'exact' as const,
        unit: null,
      };
    });
    claims.push({
      id: makeId('claim', articleId, start, start + text.length, text),
      articleId,
      text,
      span: { start, end: start + text.length },
      kind: 'quantity',
      quantities: quantities.filter((q) => Number.isFinite(q.value)),
      dates: [],
      attribution: null,
      cue: null,
      quoteId: null,
      clusterId: null,
    });
  }
  return claims;
}

/** An article and its records from raw text. */
export function recordsFromText(text: string, meta: TextMeta): ArticleRecords {
  const { headline, body, paragraphs } = cleanText(text);
  const outlet = outletOf(meta.outlet);
  const id = makeId('article', outlet?.name ?? null, headline, body);
  const article: Article = {
    id,
    sourcePath: meta.sourcePath,
    sourceUrl: meta.sourceUrl ?? null,
    format: 'text',
    contentHash: hashHex(text),
    outletId: outlet?.id ?? null,
    headline,
    standfirst: null,
    byline: null,
    authors: [],
    dateline: null,
    language: 'en',
    publishedAt: meta.publishedAt ?? null,
    publishedAtSource: meta.publishedAt ? 'manifest' : null,
    body,
    paragraphs,
    captions: [],
    credits: [],
    boilerplate: [],
    wordCount: body.split(/\s+/).filter(Boolean).length,
    storyId: null,
  };
  const { quotes, entities } = quotesOf(id, body);
  return { article, outlet, quotes, claims: claimsOf(id, body), entities };
}

/** The seed story's five articles as records, with outlet and date from its manifest. */
export function corpusRecords(): ArticleRecords[] {
  const manifest = JSON.parse(readFileSync(join(corpusDir, 'manifest.json'), 'utf8')) as StoryManifest;
  const byFile = new Map(manifest.articles.map((a) => [a.file, a]));
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((file) => {
      const entry = byFile.get(file);
      return recordsFromText(readFileSync(join(corpusDir, file), 'utf8'), {
        sourcePath: `corpus/putin-syria-2015-09/${file}`,
        outlet: entry?.outlet ?? null,
        publishedAt: entry?.publishedAt ?? null,
      });
    });
}
