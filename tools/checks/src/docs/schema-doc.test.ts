import * as schemaModule from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { generateSchemaDoc, schemaGroups } from './schema-doc.js';
import { defOf, isZodSchema, unwrap, type AnyZod } from './zod-doc.js';

const doc = generateSchemaDoc();
const exported = Object.entries(schemaModule as Record<string, unknown>).filter((e): e is [string, AnyZod] => isZodSchema(e[1]));

function section(name: string): string {
  const start = doc.indexOf(`\n### ${name}\n`);
  expect(start, `no section for ${name}`).toBeGreaterThan(0);
  const end = doc.indexOf('\n##', start + 5);
  return doc.slice(start, end < 0 ? undefined : end);
}

describe('schema reference', () => {
  it('has a section for every zod schema the package exports, in a group named by its file', () => {
    const grouped = schemaGroups().flatMap((g) => g.schemas.map(([n]) => n));
    expect(new Set(grouped)).toEqual(new Set(exported.map(([n]) => n)));
    for (const [name] of exported) section(name);
    expect(doc).toContain('\n## article.ts\n');
  });

  it('lists every field of every record with its type, presence, nullability and description', () => {
    for (const [name, schema] of exported) {
      const { inner, description } = unwrap(schema);
      const text = section(name);
      if (description) expect(text).toContain(description.replace(/</g, '&lt;').replace(/>/g, '&gt;').split('`')[0]!.slice(0, 40));
      if (defOf(inner).type !== 'object') continue;
      for (const [key, field] of Object.entries(defOf(inner).shape as Record<string, AnyZod>)) {
        const row = text.split('\n').find((l) => l.startsWith(`| \`${key}\` |`));
        expect(row, `${name}.${key}`).toBeDefined();
        const u = unwrap(field);
        const cells = row!.split(/(?<!\\)\|/).map((c) => c.trim());
        expect(cells[3], `${name}.${key} required`).toMatch(u.optional ? /^no/ : /^yes$/);
        expect(cells[4], `${name}.${key} nullable`).toBe(u.nullable ? 'yes' : 'no');
        if (u.description) expect(cells[5]!.length, `${name}.${key} description`).toBeGreaterThan(3);
      }
    }
  });

  it('links fields typed by a named schema to its section', () => {
    expect(section('Quote')).toMatch(/\| `span` \| \[Span\]\(#span\) \| yes \| no \|/);
    expect(section('Article')).toMatch(/\| `id` \| \[Id\]\(#id\) \| yes \| no \|/);
  });
});
