import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { seedBundle } from '../test/fixtures/seed-bundle.js';
import { allJsonSchemas, jsonSchemaModels, toJsonSchema } from './index.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const shipped = (file: string) => fileURLToPath(new URL(`../json-schema/${file}`, import.meta.url));

function validator(schema: object) {
  const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
  return ajv.compile(schema);
}

describe('generated JSON Schema', () => {
  it('is shipped by the build and matches the zod schemas', () => {
    for (const [file, schema] of Object.entries(allJsonSchemas())) {
      expect(existsSync(shipped(file)), `${file} missing: run npm run build`).toBe(true);
      expect(JSON.parse(readFileSync(shipped(file), 'utf8'))).toEqual(schema);
    }
  });

  it('validates a real bundle with an independent validator (ajv)', () => {
    const validate = validator(JSON.parse(readFileSync(shipped('bundle.json'), 'utf8')));
    const ok = validate(JSON.parse(JSON.stringify(seedBundle())));
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('rejects what zod rejects: a bad kind, a missing field, an extra field', () => {
    const validate = validator(toJsonSchema('bundle'));
    const bundle = seedBundle();
    expect(validate({ ...bundle, quotes: [{ ...bundle.quotes[0], kind: 'rumour' }] })).toBe(false);
    const { body: _body, ...noBody } = bundle.articles[0]!;
    expect(validate({ ...bundle, articles: [noBody] })).toBe(false);
    expect(validate({ ...bundle, claims: [{ ...bundle.claims[0], extra: 1 }] })).toBe(false);
    expect(validate({ ...bundle, articles: [{ ...bundle.articles[0], publishedAt: 'last Tuesday' }] })).toBe(false);
  });

  it('differs between input and output where defaults apply', () => {
    const input = toJsonSchema('article-list-query', 'input') as { required?: string[] };
    const output = toJsonSchema('article-list-query', 'output') as { required?: string[] };
    expect(input.required ?? []).not.toContain('limit');
    expect(output.required).toContain('limit');
  });

  it('documents every field of every model', () => {
    const undocumented: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const n = node as Record<string, unknown>;
      if (n.properties && typeof n.properties === 'object') {
        for (const [key, child] of Object.entries(n.properties as Record<string, Record<string, unknown>>)) {
          if (typeof child.description !== 'string' || child.description.length < 3) undocumented.push(`${path}.${key}`);
        }
      }
      for (const [key, child] of Object.entries(n)) if (key !== 'description') walk(child, `${path}.${key}`);
    };
    for (const name of Object.keys(jsonSchemaModels) as (keyof typeof jsonSchemaModels)[]) walk(toJsonSchema(name), name);
    expect(undocumented).toEqual([]);
  });

  it('keeps a stable shape (snapshot)', () => {
    expect(toJsonSchema('quote')).toMatchSnapshot();
    expect(toJsonSchema('claim')).toMatchSnapshot();
  });
});
