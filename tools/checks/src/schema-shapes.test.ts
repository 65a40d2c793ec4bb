import * as schemaModule from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { defOf, isZodSchema } from './docs/zod-doc.js';
import { repoRoot } from './paths.js';
import { loadRepo } from './repo.js';
import { readSchemaShapes } from './schema-shapes.js';

describe('readSchemaShapes on the real schema package', () => {
  const repo = loadRepo(repoRoot);
  const schema = repo.byName.get('@parallax/schema')!;
  const shapes = readSchemaShapes(schema.files.filter((f) => f.rel.startsWith('packages/schema/src/')));
  const runtime = new Map(
    Object.entries(schemaModule as Record<string, unknown>)
      .filter(([, v]) => isZodSchema(v) && defOf(v).type === 'object')
      .map(([name, v]) => [name, Object.keys(defOf(v as never).shape as object)]),
  );

  it('reads, from source alone, the same keys the imported schemas have', () => {
    expect(shapes.length).toBeGreaterThan(20);
    for (const shape of shapes) expect(shape.keys, shape.name).toEqual(runtime.get(shape.name));
  });

  it('finds every exported object schema except those a function builds (pageOf)', () => {
    const found = new Set(shapes.map((s) => s.name));
    const missed = [...runtime.keys()].filter((name) => !found.has(name));
    for (const name of missed) expect(schema.files.some((f) => new RegExp(`export const ${name} = \\w+\\(`).test(f.text)), name).toBe(true);
    expect(found.has('Article') && found.has('Quote') && found.has('Claim')).toBe(true);
  });
});
