// @parallax/analysis: pure functions (no fs, no env, no network) from a source to an Article with its
// Quotes and Claims.
export type { ArticleDraft, SourceHints } from './draft.js';
export { extractArticle, analyseArticle, type ArticleExtraction } from './extract-article.js';
export { BundleBuilder, mergeEntity } from './bundle.js';
export { buildArticle, normaliseOutletName, outletIdFor } from './article.js';
export { formatBytes } from './source/decode.js';
export { parseSource, sniffFormat, decodeSource, parseHtml, parsePlainText, parseArticleJson, SourceError, DEFAULT_MAX_BYTES, type SourceInput, type SourceKind, type SourceErrorCode } from './source/index.js';
export { extractQuotes } from './quotes/extract.js';
export { extractClaims } from './claims/extract-claims.js';
export { findQuantities } from './numbers/quantities.js';
export { findDates } from './dates/dates.js';
export { splitSentences, words, countWords } from './text/sentences.js';
