import type { ArticleDraft, SourceHints } from '../draft.js';
import { decodeSource, DEFAULT_MAX_BYTES, formatBytes } from './decode.js';
import { describeInput, SourceError } from './errors.js';
import { parseHtml } from './html.js';
import { parseArticleJson } from './json.js';
import { parsePlainText } from './plain-text.js';

export { decodeSource, declaredHtmlCharset, DEFAULT_MAX_BYTES, type DecodedSource, type DecodeOptions } from './decode.js';
export { SourceError, type SourceErrorCode } from './errors.js';
export { parseHtml, type HtmlOptions } from './html.js';
export { parseArticleJson, type JsonOptions } from './json.js';
export { parsePlainText, type PlainTextOptions } from './plain-text.js';

export interface SourceInput {
  /** The raw bytes (decoded here); give either bytes or text. */
  bytes?: Uint8Array;
  /** Already decoded text. */
  text?: string;
  /** How the input is named in errors: a path, a URL, or "-" for standard input. */
  name: string;
  /** The path exactly as the user gave it, or null for standard input. */
  sourcePath: string | null;
  sourceUrl?: string | null;
  /** A MIME type when known (from an HTTP response): a hint, the content decides. */
  contentType?: string | null;
  hints?: SourceHints;
  /** Largest input accepted (default 20 MB); text is measured in UTF-16 code units. */
  maxBytes?: number;
}

export type SourceKind = 'html' | 'json' | 'text';

/**
 * Which parser a source needs, by its content first: JSON when it parses as an object, HTML when it
 * opens with markup or carries the tags of a page, else plain text. The name's extension and the
 * content type only break ties (a .html fragment, a .json that is broken).
 */
export function sniffFormat(text: string, name = '', contentType: string | null = null): SourceKind {
  const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const type = (contentType ?? '').toLowerCase();
  let i = 0;
  while (i < text.length && i < 4096 && /\s/.test(text[i]!)) i++;
  const first = text[i];
  if (first === '{' || first === '[') {
    if (ext === 'json' || type.includes('json')) return 'json';
    try {
      const v: unknown = JSON.parse(text);
      if (typeof v === 'object' && v !== null) return 'json';
    } catch {
      // Not JSON: fall through to the other formats.
    }
  }
  // Every HTML test below needs a tag: text with no "<" in its first 4,096 characters is plain text.
  const lt = text.indexOf('<', i);
  if (lt < 0 || lt >= i + 4096) return 'text';
  const head = text.slice(i, i + 4096).toLowerCase();
  if (first === '<' && /^<(!doctype html|html|head|body|meta|!--|\?xml[^>]*>\s*<!doctype html|article|div|p|section|main|title)[\s>]/.test(head)) return 'html';
  if (/<(html|body|head)[\s>]/.test(head) || /<!doctype html/.test(head)) return 'html';
  if ((ext === 'html' || ext === 'htm' || ext === 'xhtml' || type.includes('html')) && /<[a-z][a-z0-9]*[\s>]/.test(head)) return 'html';
  return 'text';
}

/**
 * One source (bytes or text) to an ArticleDraft: decodes, sniffs the format and dispatches to the
 * HTML, Article JSON or plain-text parser. Throws SourceError with the schema's InputError codes.
 */
export function parseSource(input: SourceInput): ArticleDraft {
  const { name } = input;
  const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
  let text: string;
  if (input.bytes !== undefined) {
    const ext = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
    const htmlHint = ext === 'html' || ext === 'htm' || (input.contentType ?? '').toLowerCase().includes('html');
    text = decodeSource(input.bytes, name, htmlHint ? { maxBytes, html: true } : { maxBytes }).text;
  } else if (input.text !== undefined) {
    if (input.text.length > maxBytes) {
      throw new SourceError('too-large', name, `${describeInput(name)} is ${formatBytes(input.text.length)}, over the ${formatBytes(maxBytes)} limit for one article. Check that it is a single article, or raise the size limit.`);
    }
    text = input.text.charCodeAt(0) === 0xfeff ? input.text.slice(1) : input.text;
    if (!/\S/.test(text)) throw new SourceError('empty', name, `${describeInput(name)} is empty. Check that it holds the article text.`);
  } else {
    throw new SourceError('unreadable', name, `${describeInput(name)} gave neither bytes nor text. Pass the content of the source.`);
  }
  const sourceUrl = input.sourceUrl ?? input.hints?.sourceUrl ?? null;
  const common = { sourcePath: input.sourcePath, sourceUrl, ...(input.hints ? { hints: input.hints } : {}) };
  switch (sniffFormat(text, name, input.contentType ?? null)) {
    case 'json':
      return parseArticleJson(text, { ...common, name });
    case 'html':
      return parseHtml(text, { ...common, name });
    default: {
      const draft = parsePlainText(text, common);
      if (draft.paragraphs.length === 0) {
        throw new SourceError('no-content', name, `${describeInput(name)} has no article text: every line looked like a caption, credit or page furniture. Check that it is an article.`);
      }
      return draft;
    }
  }
}
