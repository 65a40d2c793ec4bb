import { z } from 'zod';
import { Article } from './article.js';
import { Bundle } from './bundle.js';
import { Claim } from './claim.js';
import { ClaimGroup } from './claim-group.js';
import { Entity } from './entity.js';
import { StoryManifest } from './manifest.js';
import { Outlet } from './outlet.js';
import { Quote } from './quote.js';
import { Statement } from './statement.js';
import { Story } from './story.js';
import { ArticleListQuery, IngestRequest, Problem, QuoteListQuery, SearchQuery, SearchResponse } from './api.js';

/** The records that get a JSON Schema file of their own, by file name. */
export const jsonSchemaModels = {
  bundle: Bundle,
  article: Article,
  outlet: Outlet,
  entity: Entity,
  quote: Quote,
  claim: Claim,
  statement: Statement,
  'claim-group': ClaimGroup,
  story: Story,
  'story-manifest': StoryManifest,
  problem: Problem,
  'ingest-request': IngestRequest,
  'article-list-query': ArticleListQuery,
  'quote-list-query': QuoteListQuery,
  'search-query': SearchQuery,
  'search-response': SearchResponse,
} as const satisfies Record<string, z.ZodType>;

export type JsonSchemaName = keyof typeof jsonSchemaModels;

/**
 * JSON Schema (draft 2020-12) for one model. `output` describes what consumers receive (every field
 * present, defaults applied); `input` what producers may send (defaulted fields optional).
 */
export function toJsonSchema(name: JsonSchemaName, io: 'input' | 'output' = 'output'): Record<string, unknown> {
  // Descriptions from .describe() live in zod's global registry, which we read; no model registers an
  // id there, so two models can never collapse into one definition.
  const schema = z.toJSONSchema(jsonSchemaModels[name], {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'throw',
  }) as Record<string, unknown>;
  return {
    $id: `https://parallax.invalid/schema/${name}${io === 'input' ? '.input' : ''}.json`,
    title: name,
    ...schema,
  };
}

/** Every JSON Schema file the package ships: `<name>.json` (output) and `<name>.input.json`. */
export function allJsonSchemas(): Record<string, Record<string, unknown>> {
  const files: Record<string, Record<string, unknown>> = {};
  for (const name of Object.keys(jsonSchemaModels) as JsonSchemaName[]) {
    files[`${name}.json`] = toJsonSchema(name, 'output');
    files[`${name}.input.json`] = toJsonSchema(name, 'input');
  }
  return files;
}
