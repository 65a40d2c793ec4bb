import { jsonSchemaModels, SCHEMA_VERSION } from '@parallax/schema';

/** The record types the viewer will show, with their one-line descriptions from the schema package. */
export function recordSummaries(): { name: string; description: string }[] {
  return Object.entries(jsonSchemaModels)
    .filter(([name]) => ['article', 'quote', 'claim', 'statement', 'claim-group', 'story', 'entity'].includes(name))
    .map(([name, schema]) => ({ name, description: schema.description ?? '' }));
}

export const schemaVersion = SCHEMA_VERSION;
