import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldRows, fieldTable, githubAnchor, mdText, SchemaNames, typeText, unwrap } from './zod-doc.js';

const Span = z.object({ start: z.int().min(0).describe('First.'), end: z.int().min(0).describe('Past the end.') }).describe('A range.');
const Kind = z.enum(['direct', 'partial']).describe('How it is quoted.');
const Record = z
  .object({
    id: z.string().regex(/^q_[0-9]+$/).describe('The id.'),
    body: z.string().describe('The text.'),
    span: Span.describe('Where it is.'),
    kind: Kind,
    speaker: z.string().min(1).nullable().describe('Who, or null.'),
    when: z.iso.date().optional().describe('The day.'),
    limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size.'),
    errors: z.array(z.object({ path: z.string().describe('The field.'), message: z.string().describe('What is wrong.') })).describe('Problems.'),
    extra: z.record(z.string(), z.unknown()).describe('Anything.'),
  })
  .describe('A test record.');
const Summary = z.object({ items: z.array(Record.omit({ body: true })).describe('Without bodies.') });
const names = new SchemaNames([
  ['Span', Span],
  ['Kind', Kind],
  ['Record', Record],
]);

describe('zod-doc', () => {
  const rows = Object.fromEntries(fieldRows(Record, names).map((r) => [r.name, r]));

  it('gives every field its type, presence, nullability and description', () => {
    expect(rows.id).toEqual({ name: 'id', type: 'string, matching `^q_[0-9]+$`', required: 'yes', nullable: false, description: 'The id.' });
    expect(rows.span).toMatchObject({ type: '[Span](#span)', description: 'Where it is.' });
    expect(rows.kind).toMatchObject({ type: '[Kind](#kind)', description: 'How it is quoted.' });
    expect(rows.speaker).toMatchObject({ type: 'string, length ≥ 1', nullable: true, required: 'yes' });
    expect(rows.when).toMatchObject({ type: 'string (date)', required: 'no' });
    expect(rows.limit).toMatchObject({ type: 'integer 1 to 200', required: 'no (default `50`)' });
    expect(rows.extra!.type).toBe('Record&lt;string, unknown&gt;');
  });

  it('lists the fields of anonymous nested objects under their parent', () => {
    expect(rows.errors!.type).toBe('object[]');
    expect(rows['errors[].path']).toMatchObject({ type: 'string', description: 'The field.' });
    expect(rows['errors[].message']).toMatchObject({ description: 'What is wrong.' });
  });

  it('names an omitted copy of a named record instead of repeating its fields', () => {
    expect(fieldRows(Summary, names)[0]!.type).toBe('([Record](#record) without `body`)[]');
  });

  it('renders enums and unions, and the schema itself without a self-link', () => {
    expect(typeText(Kind, names, Kind)).toBe('`"direct"` | `"partial"`');
    expect(typeText(z.union([Span, z.null()]), names)).toBe('[Span](#span) | null');
    expect(unwrap(Record.shape.limit).defaultValue).toBe('50');
  });

  it('escapes Markdown: pipes in cells, angle brackets outside code', () => {
    expect(fieldTable([{ name: 'k', type: '`"a"` | `"b"`', required: 'yes', nullable: false, description: 'urn:x:<id> or `<b>`' }])).toContain('| `k` | `"a"` \\| `"b"` | yes | no | urn:x:&lt;id&gt; or `<b>` |');
    expect(mdText('a <b> `<c>`')).toBe('a &lt;b&gt; `<c>`');
    expect(githubAnchor('GET /api/schema/:name')).toBe('get-apischemaname');
  });
});
