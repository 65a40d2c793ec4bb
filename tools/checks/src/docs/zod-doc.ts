// Turns zod schemas into reference text: a type per schema (named schemas become links) and a row per
// field (name, type, required, nullable, description). Walks zod 4's public `_zod.def` structure for
// the shape and asks z.toJSONSchema only for leaf types (formats, patterns, bounds), so the text
// matches the JSON Schema and the future OpenAPI document.
import { z } from 'zod';

interface Def {
  type: string;
  [key: string]: unknown;
}

export type AnyZod = z.ZodType;

export function defOf(schema: AnyZod): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def;
}

/** A duck-typed zod schema test, so values from any module instance count. */
export function isZodSchema(value: unknown): value is AnyZod {
  return typeof value === 'object' && value !== null && '_zod' in value && typeof (value as { _zod?: { def?: unknown } })._zod?.def === 'object';
}

/**
 * Schemas that have a name and a section of their own. `.describe()` clones a schema but keeps its
 * def, so a field written `Span.describe('...')` is still recognised as Span.
 */
export class SchemaNames {
  private readonly byDef = new Map<Def, string>();
  constructor(
    entries: Iterable<[string, AnyZod]>,
    /** Prefix of links to the sections: "" inside schema.md, "schema.md" from api.md. */
    private readonly page = '',
  ) {
    for (const [name, schema] of entries) if (!this.byDef.has(defOf(schema))) this.byDef.set(defOf(schema), name);
  }
  nameOf(schema: AnyZod): string | undefined {
    return this.byDef.get(defOf(schema));
  }
  link(name: string): string {
    return `[${name}](${this.page}#${githubAnchor(name)})`;
  }
  named(): Map<Def, string> {
    return this.byDef;
  }
}

/** The anchor GitHub gives a heading. */
export function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

export interface Unwrapped {
  inner: AnyZod;
  optional: boolean;
  nullable: boolean;
  /** JSON text of the default, when there is one. */
  defaultValue?: string;
  description: string;
}

function descriptionOf(schema: AnyZod): string {
  return (schema.description ?? '').replace(/\s+/g, ' ').trim();
}

/** Peels optional/nullable/default wrappers; the description is the outermost one given. */
export function unwrap(schema: AnyZod): Unwrapped {
  let inner = schema;
  let optional = false;
  let nullable = false;
  let defaultValue: string | undefined;
  let description = descriptionOf(schema);
  for (let def = defOf(inner); WRAPPERS.has(def.type); def = defOf(inner)) {
    if (def.type === 'optional') optional = true;
    if (def.type === 'nullable') nullable = true;
    if (def.type === 'default' || def.type === 'prefault') {
      optional = true;
      const value = typeof def.defaultValue === 'function' ? (def.defaultValue as () => unknown)() : def.defaultValue;
      defaultValue = JSON.stringify(value);
    }
    inner = def.innerType as AnyZod;
    description ||= descriptionOf(inner);
  }
  return { inner, optional, nullable, ...(defaultValue !== undefined ? { defaultValue } : {}), description };
}

const SAFE_INT = 9007199254740991;

function range(min: unknown, max: unknown, exclusiveMin: unknown, exclusiveMax: unknown): string {
  const lo = typeof exclusiveMin === 'number' ? `> ${exclusiveMin}` : typeof min === 'number' && min !== -SAFE_INT ? min : undefined;
  const hi = typeof exclusiveMax === 'number' ? `< ${exclusiveMax}` : typeof max === 'number' && max !== SAFE_INT ? max : undefined;
  if (lo !== undefined && hi !== undefined && typeof lo === 'number' && typeof hi === 'number') return ` ${lo} to ${hi}`;
  if (typeof lo === 'string' || typeof hi === 'string') return ` ${[lo, hi].filter((x) => x !== undefined).join(', ')}`;
  if (lo !== undefined) return ` ≥ ${lo}`;
  if (hi !== undefined) return ` ≤ ${hi}`;
  return '';
}

/** A leaf type (string, number, boolean ...) from its JSON Schema: "string (date)", "integer ≥ 0". */
function leafText(schema: AnyZod): string {
  const json = z.toJSONSchema(schema, { unrepresentable: 'any', io: 'output' }) as Record<string, unknown>;
  const type = Array.isArray(json.type) ? json.type.join(' | ') : typeof json.type === 'string' ? json.type : 'unknown';
  if (type === 'string') {
    if (typeof json.format === 'string') return `string (${json.format})`;
    const parts = ['string'];
    if (typeof json.pattern === 'string') parts.push(`matching \`${json.pattern}\``);
    const length = range(json.minLength === 0 ? undefined : json.minLength, json.maxLength, undefined, undefined);
    if (length) parts.push(`length${length}`);
    return parts.join(', ');
  }
  if (type === 'number' || type === 'integer') return `${type}${range(json.minimum, json.maximum, json.exclusiveMinimum, json.exclusiveMaximum)}`;
  return type;
}

/** Whether a schema is documented with rows of its own fields (an object with no name). */
function anonymousObject(schema: AnyZod, names: SchemaNames): boolean {
  return defOf(schema).type === 'object' && names.nameOf(schema) === undefined;
}

/** "Article without body, paragraphs" when an anonymous object is a named one minus some fields (.omit). */
function omittedFrom(schema: AnyZod, names: SchemaNames): string | undefined {
  const shape = defOf(schema).shape as Record<string, AnyZod>;
  const keys = Object.keys(shape);
  if (keys.length === 0) return undefined;
  for (const [def, name] of names.named()) {
    if (def.type !== 'object') continue;
    const full = def.shape as Record<string, AnyZod>;
    if (Object.keys(full).length > keys.length && keys.every((k) => full[k] === shape[k])) {
      const dropped = Object.keys(full).filter((k) => !(k in shape));
      return `${names.link(name)} without ${dropped.map((k) => `\`${k}\``).join(', ')}`;
    }
  }
  return undefined;
}

/** The type of a schema as text; named schemas (other than `self`) are links to their section. */
export function typeText(schema: AnyZod, names: SchemaNames, self?: AnyZod): string {
  const name = names.nameOf(schema);
  if (name && (!self || defOf(self) !== defOf(schema))) return names.link(name);
  const def = defOf(schema);
  const paren = (s: string) => (/ \| | without /.test(s) ? `(${s})` : s);
  switch (def.type) {
    case 'optional':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return typeText(def.innerType as AnyZod, names);
    case 'nullable':
      return `${typeText(def.innerType as AnyZod, names)} | null`;
    case 'array':
      return `${paren(typeText(def.element as AnyZod, names))}[]`;
    case 'object':
      return omittedFrom(schema, names) ?? 'object';
    case 'enum':
      return Object.values(def.entries as Record<string, string | number>).map((v) => `\`${JSON.stringify(v)}\``).join(' | ');
    case 'literal':
      return (def.values as unknown[]).map((v) => `\`${JSON.stringify(v)}\``).join(' | ');
    case 'union':
      return (def.options as AnyZod[]).map((o) => typeText(o, names)).join(' | ');
    case 'record':
      return `Record&lt;${typeText(def.keyType as AnyZod, names)}, ${typeText(def.valueType as AnyZod, names)}&gt;`;
    case 'pipe': {
      const out = def.out as AnyZod;
      return typeText(defOf(out).type === 'transform' ? (def.in as AnyZod) : out, names);
    }
    case 'lazy':
      return typeText((def.getter as () => AnyZod)(), names);
    case 'unknown':
    case 'any':
      return 'unknown';
    default:
      return leafText(schema);
  }
}

export interface FieldRow {
  /** Dotted path for nested anonymous objects: "errors[].path". */
  name: string;
  type: string;
  required: string;
  nullable: boolean;
  description: string;
}

/** One row per field of an object schema, then rows for the fields of anonymous nested objects. */
export function fieldRows(schema: AnyZod, names: SchemaNames, prefix = ''): FieldRow[] {
  const shape = defOf(schema).shape as Record<string, AnyZod> | undefined;
  if (!shape) return [];
  const rows: FieldRow[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const u = unwrap(field);
    const required = u.defaultValue !== undefined ? `no (default \`${u.defaultValue}\`)` : u.optional ? 'no' : 'yes';
    rows.push({ name: `${prefix}${key}`, type: typeText(u.inner, names), required, nullable: u.nullable, description: u.description });
    // Fields of an anonymous object (or array of them) are listed under it.
    let nested = u.inner;
    let path = `${prefix}${key}`;
    while (defOf(nested).type === 'array') {
      nested = unwrap(defOf(nested).element as AnyZod).inner;
      path += '[]';
    }
    if (anonymousObject(nested, names) && !omittedFrom(nested, names)) rows.push(...fieldRows(nested, names, `${path}.`));
  }
  return rows;
}

/** Prose for Markdown: `<` and `>` outside code spans are escaped so "<id>" is not read as HTML. */
export function mdText(text: string): string {
  return text
    .split('`')
    .map((part, i) => (i % 2 === 0 ? part.replace(/</g, '&lt;').replace(/>/g, '&gt;') : part))
    .join('`');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A Markdown table of fields; `nameHeading` is "Field" or "Parameter". */
export function fieldTable(rows: FieldRow[], nameHeading = 'Field'): string {
  const lines = [`| ${nameHeading} | Type | Required | Nullable | Description |`, '|---|---|---|---|---|'];
  for (const r of rows) lines.push(`| \`${r.name}\` | ${cell(r.type)} | ${cell(r.required)} | ${r.nullable ? 'yes' : 'no'} | ${cell(mdText(r.description) || '—')} |`);
  return lines.join('\n');
}
