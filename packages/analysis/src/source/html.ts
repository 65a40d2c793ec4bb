import { Readability } from '@mozilla/readability';
import type { Boilerplate, Caption, DateSource } from '@parallax/schema';
import { parseHTML } from 'linkedom';
import type { ArticleDraft, SourceHints } from '../draft.js';
import { dateFromHints, domainOf, guessLanguage, normaliseSpace } from './common.js';
import { describeInput, SourceError } from './errors.js';
import {
  boilerplateKind,
  countWords,
  endsSentence,
  findDateline,
  findDates,
  isCreditLine,
  isRelatedHeader,
  isTimestampLine,
  lineKey,
  normaliseDate,
  parseByline,
  splitAuthors,
  splitCaptionCredit,
} from './lines.js';

export interface HtmlOptions {
  sourcePath: string | null;
  /** The URL the page was fetched from, if any (relative links and the domain resolve against it). */
  sourceUrl?: string | null;
  hints?: SourceHints;
  /** The input's name for messages (defaults to sourcePath). */
  name?: string;
}

// The engine is built without DOM or Node typings; URL is a global of every runtime we target.
declare const URL: new (url: string, base?: string) => { href: string };

// These are the few members of linkedom's DOM used here.
interface DomNode {
  nodeType: number;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  localName: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}
interface DomDocument {
  documentElement: DomElement | null;
  body: DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  querySelector(selector: string): DomElement | null;
}

const BLOCK = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'ul', 'ol', 'li', 'dl', 'dt', 'dd', 'blockquote', 'pre', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td',
  'th', 'caption', 'figure', 'hr', 'address', 'details', 'summary', 'center', 'fieldset', 'legend', 'form',
]);
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'video', 'audio', 'canvas', 'button', 'select', 'textarea', 'input', 'head', 'title', 'meta', 'link']);
const FALLBACK_SKIP = new Set(['nav', 'header', 'footer', 'aside', 'form', 'menu']);

// Elements that never hold article text (menus, embeds, controls), dropped before the DOM is built.
// None of them nests inside itself in practice, so the first closing tag ends each.
const NOISE_TAGS = ['style', 'svg', 'noscript', 'template', 'iframe', 'select', 'textarea'];

function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x3a;
}

/**
 * Removes scripts (JSON-LD kept), styles, comments and inline SVG by a linear scan: less for the DOM
 * to build and for Readability to score, and no regex over the whole page.
 */
function stripNoise(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let pos = 0;
  for (;;) {
    const lt = lower.indexOf('<', pos);
    if (lt < 0) break;
    let endTag: string | null = null;
    if (lower.startsWith('<!--', lt)) endTag = '-->';
    else if (lower.startsWith('<script', lt)) {
      const close = lower.indexOf('>', lt);
      const open = lower.slice(lt, close < 0 ? lt + 200 : Math.min(close, lt + 400));
      if (!open.includes('ld+json')) endTag = '</script';
    } else {
      for (const tag of NOISE_TAGS) {
        if (lower.startsWith(tag, lt + 1) && !isNameChar(lower.charCodeAt(lt + 1 + tag.length))) {
          endTag = `</${tag}`;
          break;
        }
      }
    }
    if (endTag === null) {
      out += html.slice(pos, lt + 1);
      pos = lt + 1;
      continue;
    }
    out += html.slice(pos, lt);
    const end = lower.indexOf(endTag, lt + 4);
    if (end < 0) {
      pos = html.length;
      break;
    }
    const gt = endTag === '-->' ? end + 2 : lower.indexOf('>', end);
    pos = gt < 0 ? html.length : gt + 1;
  }
  return out + html.slice(pos);
}

function wrapDocument(html: string): string {
  const head = html.slice(0, 4096).toLowerCase();
  if (head.includes('<html')) return html;
  if (head.includes('<head') || head.includes('<body')) return `<!DOCTYPE html><html>${html}</html>`;
  return `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
}

/**
 * The DOM of a page. Markup so broken that the builder made no <html> root ("</<html lang=...><p>...") is
 * parsed again inside a document shell, where the broken tag is a comment and the text a body.
 */
function domOf(cleanHtml: string): DomDocument {
  const doc = (parseHTML(wrapDocument(cleanHtml)) as unknown as { document: DomDocument }).document;
  if (doc.documentElement?.localName === 'html') return doc;
  return (parseHTML(`<!DOCTYPE html><html><head></head><body>${cleanHtml}</body></html>`) as unknown as { document: DomDocument }).document;
}

// Tags that never take children or that the parser closes by itself: they do not deepen the tree.
const NO_DEPTH = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'p', 'li', 'dt', 'dd', 'td', 'th', 'tr', 'option', '!doctype', '!--']);

/**
 * Whether the markup, as written, nests deeper than `depthLimit` or holds more than `tagLimit` tags:
 * a linear scan of the tags that stops at the first limit passed.
 */
function tooBigForDom(lower: string, depthLimit: number, tagLimit: number): boolean {
  let depth = 0;
  let tags = 0;
  let pos = lower.indexOf('<');
  while (pos >= 0) {
    if (++tags > tagLimit) return true;
    let i = pos + 1;
    const closing = lower.charCodeAt(i) === 0x2f;
    if (closing) i++;
    let j = i;
    while (j < lower.length && j - i < 12 && isNameChar(lower.charCodeAt(j))) j++;
    const name = lower.slice(i, j);
    if (name.length > 0 && !NO_DEPTH.has(name)) {
      if (closing) depth = Math.max(0, depth - 1);
      else {
        const gt = lower.indexOf('>', j);
        if (gt < 0 || lower.charCodeAt(gt - 1) !== 0x2f) depth++;
        if (depth > depthLimit) return true;
      }
    }
    pos = lower.indexOf('<', pos + 1);
  }
  return false;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', mdash: '\u2014', ndash: '\u2013', hellip: '\u2026', lsquo: '\u2018', rsquo: '\u2019', ldquo: '\u201c', rdquo: '\u201d' };

function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/**
 * Text blocks of markup by a linear scan, without a DOM: for pages too large or too deeply nested for
 * the DOM and Readability to handle in linear time. Block tags end paragraphs; other tags vanish.
 */
function scanBlocks(html: string): Blocks {
  const paragraphs: string[] = [];
  let buf = '';
  const flush = (): void => {
    const t = normaliseSpace(decodeEntities(buf));
    if (t) paragraphs.push(t);
    buf = '';
  };
  let pos = 0;
  for (;;) {
    const lt = html.indexOf('<', pos);
    if (lt < 0) break;
    buf += html.slice(pos, lt);
    const gt = html.indexOf('>', lt);
    if (gt < 0) {
      pos = lt;
      break;
    }
    let i = lt + 1;
    if (html.charCodeAt(i) === 0x2f) i++;
    let j = i;
    while (j < gt && j - i < 12 && isNameChar(html.charCodeAt(j) | 0x20)) j++;
    const name = html.slice(i, j).toLowerCase();
    if (BLOCK.has(name) || name === 'br' || name === 'body') flush();
    else if (name === 'title' || name === 'head') flush();
    pos = gt + 1;
  }
  buf += html.slice(pos);
  flush();
  return { paragraphs, captions: [] };
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** The Article-like objects of the page's JSON-LD (in arrays and @graph too). */
function jsonLdArticles(doc: DomDocument): Array<Record<string, Json>> {
  const out: Array<Record<string, Json>> = [];
  const visit = (v: Json, depth: number): void => {
    if (depth > 4 || v === null || typeof v !== 'object') return;
    if (Array.isArray(v)) {
      for (const x of v) visit(x, depth + 1);
      return;
    }
    const type = v['@type'];
    const types = (Array.isArray(type) ? type : [type]).filter((t): t is string => typeof t === 'string');
    if (types.some((t) => /Article|BlogPosting|NewsArticle|Report/i.test(t))) out.push(v);
    if (v['@graph']) visit(v['@graph'], depth + 1);
  };
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  for (let i = 0; i < scripts.length; i++) {
    const text = scripts[i]!.textContent ?? '';
    if (text.length > 500_000) continue;
    try {
      visit(JSON.parse(text.replace(/^\s*<!\[CDATA\[|\]\]>\s*$/g, '')) as Json, 0);
    } catch {
      // Broken JSON-LD is common; the meta tags still count.
    }
  }
  return out;
}

function ldString(v: Json | undefined): string | null {
  if (typeof v === 'string') return v.trim() || null;
  if (Array.isArray(v)) return ldString(v[0]);
  if (v && typeof v === 'object') return ldString(v['name'] ?? v['@value']);
  return null;
}

function ldNames(v: Json | undefined): string[] {
  if (v === undefined || v === null) return [];
  const list = Array.isArray(v) ? v : [v];
  const out: string[] = [];
  for (const x of list) {
    const name = typeof x === 'string' ? x : x && typeof x === 'object' && !Array.isArray(x) ? ldString(x['name']) : null;
    if (name && name.length <= 80 && !/^https?:/.test(name)) out.push(normaliseSpace(name));
  }
  return out;
}

function metaMap(doc: DomDocument): Map<string, string> {
  const map = new Map<string, string>();
  const metas = doc.querySelectorAll('meta');
  for (let i = 0; i < metas.length; i++) {
    const m = metas[i]!;
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? m.getAttribute('http-equiv') ?? '').toLowerCase().trim();
    const content = m.getAttribute('content');
    if (key && content && !map.has(key)) map.set(key, content.trim());
  }
  return map;
}

function absoluteUrl(href: string | null | undefined, base: string | null): string | null {
  if (!href) return null;
  const h = href.trim();
  if (/^https?:\/\//i.test(h)) return h;
  if (!base || !/^https?:\/\//i.test(base)) return null;
  try {
    return new URL(h, base).href;
  } catch {
    return null;
  }
}

function normaliseLang(lang: string | null | undefined): string | null {
  if (!lang) return null;
  const l = lang.trim().replace(/_/g, '-');
  if (!/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l)) return null;
  const [primary, ...rest] = l.split('-');
  return [primary!.toLowerCase(), ...rest.map((r) => (r.length === 2 ? r.toUpperCase() : r))].join('-');
}

const MAX_DEPTH = 400;
/** Element count above any real article page (large ones have about 10,000). */
const MAX_ELEMENTS = 60_000;

/** Nesting depth of the element tree, counting no further than `limit`. Iterative. */
function maxDepth(root: DomElement, limit: number): number {
  let deepest = 0;
  const stack: Array<[DomNode, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > deepest) {
      deepest = depth;
      if (deepest > limit) return deepest;
    }
    const kids = node.childNodes;
    for (let i = 0; i < kids.length; i++) if (kids[i]!.nodeType === 1) stack.push([kids[i]!, depth + 1]);
  }
  return deepest;
}

interface Blocks {
  paragraphs: string[];
  captions: Caption[];
  /** Indices of paragraphs whose text is all inside links (link lists, related headlines). */
  linkOnly?: ReadonlySet<number>;
}

/** Letters and digits in a string, to compare how much of a block is link text. */
function solidLength(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c > 32 && c !== 0xa0) n++;
  }
  return n;
}

const LINK_END: DomNode = { nodeType: -1, textContent: null, childNodes: [] };

/** Attribute values that mark a caption's credit element. */
const CREDIT_CLASS = /credit|copyright|byline|source|photographer|author/i;

function captionOf(fig: DomElement): Caption | null {
  let credit: string | null = null;
  const parts = fig.querySelectorAll('*');
  for (let i = 0; i < parts.length && i < 50; i++) {
    const cls = `${parts[i]!.getAttribute('class') ?? ''} ${parts[i]!.getAttribute('itemprop') ?? ''}`;
    if (CREDIT_CLASS.test(cls)) {
      const c = normaliseSpace(parts[i]!.textContent ?? '');
      if (c && c.length <= 200) {
        credit = c;
        break;
      }
    }
  }
  let text = normaliseSpace(fig.textContent ?? '');
  if (credit !== null && text.endsWith(credit)) text = text.slice(0, -credit.length).trim();
  else if (credit === null) {
    const split = splitCaptionCredit(text);
    if (split) return split;
  }
  if (!text && !credit) return null;
  return { text, credit };
}

/**
 * Text blocks of an element: each block element ends a paragraph, inline content is joined, <br> ends
 * a line, whitespace is normalised. Captions (<figcaption>) are collected apart. Iterative, so a
 * deeply nested broken page cannot overflow the stack.
 */
function textBlocks(root: DomElement, skip: ReadonlySet<string>): Blocks {
  const paragraphs: string[] = [];
  const captions: Caption[] = [];
  const linkOnly = new Set<number>();
  let buf = '';
  let linkText = '';
  let inLink = 0;
  const flush = (): void => {
    if (buf.length === 0) return;
    const t = normaliseSpace(buf);
    if (t) {
      if (linkText.length > 0 && solidLength(linkText) >= solidLength(t) * 0.9) linkOnly.add(paragraphs.length);
      paragraphs.push(t);
    }
    buf = '';
    linkText = '';
  };
  // Stack entries: a node to enter, null marking the end of a block element, LINK_END the end of a link.
  const stack: Array<DomNode | null> = [];
  const kids = root.childNodes;
  for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || node === undefined) {
      flush();
      continue;
    }
    if (node === LINK_END) {
      inLink--;
      continue;
    }
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      buf += text;
      if (inLink > 0) linkText += text;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as DomElement;
    const tag = el.localName;
    if (SKIP.has(tag) || skip.has(tag)) continue;
    if (el.getAttribute('hidden') !== null || el.getAttribute('aria-hidden') === 'true') continue;
    if (tag === 'br') {
      flush();
      continue;
    }
    if (tag === 'figcaption') {
      flush();
      const cap = captionOf(el);
      if (cap) captions.push(cap);
      continue;
    }
    const block = BLOCK.has(tag);
    if (block) {
      flush();
      stack.push(null);
    }
    if (tag === 'a') {
      inLink++;
      stack.push(LINK_END);
    }
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  flush();
  return { paragraphs, captions, linkOnly };
}

/** Paragraphs that are credits, captions or page furniture moved out of the body. */
function cleanParagraphs(paragraphs: readonly string[], headline: string | null, byline: string | null, authors: readonly string[], linkOnly: ReadonlySet<number> = new Set()) {
  const authorKeys = new Set(authors.map((a) => lineKey(a)));
  const body: string[] = [];
  const captions: Caption[] = [];
  const credits: string[] = [];
  const boilerplate: Boilerplate[] = [];
  const dates: string[] = [];
  const headKey = headline ? lineKey(headline) : null;
  const byKey = byline ? lineKey(byline) : null;
  let related = false;
  for (let index = 0; index < paragraphs.length; index++) {
    const p = paragraphs[index]!;
    // A short block that is nothing but a link is a pointer elsewhere (related stories, tags), not prose.
    if (linkOnly.has(index) && countWords(p, 31) <= 30) {
      boilerplate.push({ text: p, kind: 'related' });
      continue;
    }
    const key = p.length <= 300 ? lineKey(p) : null;
    if (related) {
      const words = countWords(p);
      if (words <= 25 && !(endsSentence(p) && words > 12)) {
        boilerplate.push({ text: p, kind: 'related' });
        continue;
      }
      related = false;
    }
    if (key !== null && body.length === 0 && (key === headKey || key === byKey)) {
      boilerplate.push({ text: p, kind: 'other' });
      continue;
    }
    if (isRelatedHeader(p)) {
      related = true;
      boilerplate.push({ text: p, kind: 'related' });
      continue;
    }
    const kind = boilerplateKind(p);
    if (kind !== null) {
      boilerplate.push({ text: p, kind });
      continue;
    }
    if (isTimestampLine(p)) {
      boilerplate.push({ text: p, kind: 'other' });
      dates.push(...findDates(p));
      continue;
    }
    // Section labels and kickers ("Opinion Columnist", "Entertainment") above the first paragraph.
    if (body.length === 0 && countWords(p, 5) <= 4 && !endsSentence(p) && p.length <= 40) {
      boilerplate.push({ text: p, kind: 'navigation' });
      continue;
    }
    if (isCreditLine(p)) {
      credits.push(p);
      continue;
    }
    const cap = p.length <= 600 ? splitCaptionCredit(p) : null;
    if (cap && cap.credit) {
      captions.push(cap);
      continue;
    }
    // "© Jane Roe Detainees at …": a caption led by its credit.
    if (p.startsWith('\u00a9') && countWords(p, 61) <= 60) {
      captions.push({ text: p, credit: null });
      continue;
    }
    // The byline, or an author's name on its own, repeated in the body.
    const byline = key !== null && countWords(p, 21) <= 20 ? parseByline(p) : null;
    if (byline || (key !== null && authorKeys.has(key))) {
      boilerplate.push({ text: p, kind: 'other' });
      continue;
    }
    body.push(p);
  }
  return { body, captions, credits, boilerplate, dates };
}

/**
 * A saved HTML page to an ArticleDraft: main content by Mozilla Readability on a linkedom DOM,
 * metadata from meta tags, JSON-LD and <time>, figure captions set aside. Broken HTML does not throw;
 * a page with no text at all throws SourceError 'no-content'.
 */
export function parseHtml(html: string, options: HtmlOptions): ArticleDraft {
  const name = options.name ?? options.sourcePath ?? '-';
  const cleanHtml = stripNoise(html);
  // The DOM builder and Readability are superlinear in nesting depth and element count: a page beyond
  // any real article's is read by the linear tag scan instead.
  if (tooBigForDom(cleanHtml.toLowerCase(), MAX_DEPTH * 2, MAX_ELEMENTS * 2)) return scannedDraft(html, cleanHtml, options, name);
  let doc: DomDocument;
  try {
    doc = domOf(cleanHtml);
  } catch (err) {
    throw new SourceError('parse', name, `${describeInput(name)} could not be parsed as HTML (${(err as Error).message}). Save the page again, or give its text.`);
  }
  // Still no root element: the linear tag scan reads the text (the DOM's body getter would throw).
  if (doc.documentElement === null) return scannedDraft(html, cleanHtml, options, name);

  const meta = metaMap(doc);
  const ld = jsonLdArticles(doc);
  const ldFirst = (key: string): Json | undefined => ld.find((o) => o[key] !== undefined)?.[key];
  const canonicalHref = doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? meta.get('og:url') ?? null;
  const baseUrl = options.sourceUrl ?? options.hints?.sourceUrl ?? null;
  const canonical = absoluteUrl(canonicalHref, baseUrl);
  const htmlLang = doc.documentElement?.getAttribute('lang') ?? doc.documentElement?.getAttribute('xml:lang') ?? null;
  const timeEl = doc.querySelector('article time[datetime]') ?? doc.querySelector('time[datetime]');
  const metaDate =
    normaliseDate(meta.get('article:published_time')) ??
    normaliseDate(ldString(ldFirst('datePublished'))) ??
    normaliseDate(meta.get('og:published_time') ?? meta.get('datepublished') ?? meta.get('pubdate') ?? meta.get('publishdate') ?? meta.get('dc.date') ?? meta.get('dc.date.issued') ?? meta.get('sailthru.date') ?? meta.get('parsely-pub-date') ?? meta.get('date'));

  // Readability walks ancestors for every candidate, quadratic in nesting depth: a pathologically
  // deep page (broken markup, unclosed tags) goes straight to the plain block walk.
  let article: ReturnType<Readability<DomElement>['parse']> = null;
  const readabilityRan =
    doc.documentElement !== null && doc.querySelectorAll('*').length <= MAX_ELEMENTS && maxDepth(doc.documentElement, MAX_DEPTH) <= MAX_DEPTH;
  if (readabilityRan) {
    try {
      article = new Readability<DomElement>(doc, { serializer: (el) => el as unknown as DomElement }).parse();
    } catch {
      article = null;
    }
  }

  const headline = normaliseSpace(article?.title ?? '') || normaliseSpace(meta.get('og:title') ?? '') || ldString(ldFirst('headline')) || null;
  const rawByline = normaliseSpace(article?.byline ?? '') || normaliseSpace(meta.get('author') ?? '') || null;
  const byline = rawByline && rawByline.length <= 200 && !/^https?:/.test(rawByline) ? rawByline : null;
  const ldAuthors = ldNames(ldFirst('author'));
  const authors = ldAuthors.length > 0 ? [...new Set(ldAuthors)] : byline ? splitAuthors(byline.replace(/^by\s+/i, '')) : [];
  const siteName = normaliseSpace(article?.siteName ?? '') || meta.get('og:site_name') || ldString(ldFirst('publisher')) || meta.get('application-name') || null;

  let blocks: Blocks = { paragraphs: [], captions: [] };
  if (article?.content) {
    try {
      blocks = textBlocks(article.content, new Set());
    } catch {
      blocks = { paragraphs: [], captions: [] };
    }
  }
  if (blocks.paragraphs.length === 0) {
    // Readability found nothing: fall back to the text blocks of the whole body, page furniture aside
    // (on a fresh DOM: Readability prunes the one it was given).
    const fresh = article === null && !readabilityRan ? doc : domOf(cleanHtml);
    const body = fresh.body ?? fresh.documentElement;
    if (body) blocks = textBlocks(body, FALLBACK_SKIP);
    if (blocks.paragraphs.length === 0 && body) blocks = textBlocks(body, new Set());
  }
  const cleaned = cleanParagraphs(blocks.paragraphs, headline, byline, authors, blocks.linkOnly);
  if (cleaned.body.length === 0) {
    throw new SourceError('no-content', name, `${describeInput(name)} has no article text that Parallax could find. Check that the page was saved after it loaded, or give the article as plain text.`);
  }

  const description = normaliseSpace(meta.get('og:description') ?? meta.get('description') ?? article?.excerpt ?? '');
  const first = cleaned.body[0]!;
  const standfirst =
    description.length >= 20 && description.length <= 400 && !lineKey(first).startsWith(lineKey(description).slice(0, 60)) && !description.endsWith('...') && !description.endsWith('\u2026')
      ? description
      : null;

  const hinted = dateFromHints(options.hints);
  const readDate = normaliseDate(article?.publishedTime ?? null);
  const timeDate = normaliseDate(timeEl?.getAttribute('datetime'));
  let publishedAt: string | null = null;
  let publishedAtSource: DateSource | null = null;
  const fromPage = metaDate ?? readDate ?? timeDate;
  // The caller's hints (a manifest someone checked) win over what the page says about itself.
  if (hinted) ({ publishedAt, publishedAtSource } = hinted);
  else if (fromPage) [publishedAt, publishedAtSource] = [fromPage, 'metadata'];
  else if (cleaned.dates[0]) [publishedAt, publishedAtSource] = [cleaned.dates[0], 'text'];

  const captions = [...blocks.captions, ...cleaned.captions];
  const credits = [...new Set([...cleaned.credits, ...captions.map((c) => c.credit).filter((c): c is string => c !== null)])];
  const sourceUrl = canonical ?? baseUrl;
  const hintedOutlet = options.hints?.outlet?.trim();
  return {
    format: 'html',
    sourcePath: options.sourcePath,
    sourceUrl,
    sourceText: html,
    headline,
    standfirst,
    byline,
    authors,
    dateline: findDateline(first),
    language: normaliseLang(article?.lang) ?? normaliseLang(htmlLang) ?? normaliseLang(meta.get('content-language') ?? meta.get('og:locale')) ?? guessLanguage(cleaned.body),
    publishedAt,
    publishedAtSource,
    outletName: hintedOutlet ? hintedOutlet : siteName ? normaliseSpace(siteName) : null,
    outletDomain: domainOf(sourceUrl),
    paragraphs: cleaned.body,
    captions,
    credits,
    boilerplate: cleaned.boilerplate,
  };
}

/** The draft of a page read by the linear tag scan: body blocks, boilerplate set aside, no metadata. */
function scannedDraft(html: string, cleanHtml: string, options: HtmlOptions, name: string): ArticleDraft {
  const cleaned = cleanParagraphs(scanBlocks(cleanHtml).paragraphs, null, null, []);
  if (cleaned.body.length === 0) {
    throw new SourceError('no-content', name, `${describeInput(name)} has no article text that Parallax could find. Check that the page was saved after it loaded, or give the article as plain text.`);
  }
  const sourceUrl = options.sourceUrl ?? options.hints?.sourceUrl ?? null;
  const hinted = dateFromHints(options.hints);
  return {
    format: 'html',
    sourcePath: options.sourcePath,
    sourceUrl,
    sourceText: html,
    headline: null,
    standfirst: null,
    byline: null,
    authors: [],
    dateline: findDateline(cleaned.body[0]!),
    language: guessLanguage(cleaned.body),
    publishedAt: hinted?.publishedAt ?? cleaned.dates[0] ?? null,
    publishedAtSource: hinted?.publishedAtSource ?? (cleaned.dates[0] ? 'text' : null),
    outletName: options.hints?.outlet?.trim() || null,
    outletDomain: domainOf(sourceUrl),
    paragraphs: cleaned.body,
    captions: cleaned.captions,
    credits: cleaned.credits,
    boilerplate: cleaned.boilerplate,
  };
}
