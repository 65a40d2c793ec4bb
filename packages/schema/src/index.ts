// @parallax/schema: the one definition of every Parallax record, its TypeScript type, its JSON
// Schema and its schema.org JSON-LD mapping.
export * from './common.js';
export * from './ids.js';
export * from './outlet.js';
export * from './article.js';
export * from './entity.js';
export * from './quote.js';
export * from './claim.js';
export * from './statement.js';
export * from './claim-group.js';
export * from './story.js';
export * from './bundle.js';
export * from './manifest.js';
export * from './api.js';
export * from './json-ld.js';
export * from './json-schema.js';
