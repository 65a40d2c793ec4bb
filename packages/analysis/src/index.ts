// @parallax/analysis: pure functions (no fs, no env, no network) from a source to an Article with its
// Quotes and Claims.
export type { ArticleDraft, SourceHints } from './draft.js';
