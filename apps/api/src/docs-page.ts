// GET /api/docs: a browsable reference rendered on the server from the OpenAPI document. One HTML file
// with its own CSS and no script: nothing is fetched from anywhere else (no CDN), and every text from
// the document is escaped.
type Json = Record<string, unknown>;

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Escaped text with `code` spans, as the descriptions write them. */
const inline = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

const COMPONENT = '#/components/schemas/';
const anchor = (name: string) => `schema-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** A short type text for a JSON Schema, linking to components it refers to. */
function typeHtml(schema: Json | undefined, depth = 0): string {
  if (!schema) return 'any';
  if (typeof schema.$ref === 'string' && schema.$ref.startsWith(COMPONENT)) {
    const name = schema.$ref.slice(COMPONENT.length);
    return `<a href="#${anchor(name)}">${escapeHtml(name)}</a>`;
  }
  if (depth > 4) return '…';
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const parts = schema[key];
    if (Array.isArray(parts)) return parts.map((p) => typeHtml(p as Json, depth + 1)).join(key === 'allOf' ? ' &amp; ' : ' | ');
  }
  if (Array.isArray(schema.enum)) return schema.enum.map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' | ');
  if ('const' in schema) return `<code>${escapeHtml(JSON.stringify(schema.const))}</code>`;
  const type = schema.type;
  if (type === 'array') return `${typeHtml(schema.items as Json | undefined, depth + 1)}[]`;
  if (type === 'object' && schema.properties) return 'object';
  if (type === 'object' && schema.additionalProperties && typeof schema.additionalProperties === 'object') return `map of ${typeHtml(schema.additionalProperties as Json, depth + 1)}`;
  const format = typeof schema.format === 'string' ? ` (${escapeHtml(schema.format)})` : '';
  if (Array.isArray(type)) return type.map(String).map(escapeHtml).join(' | ') + format;
  return `${escapeHtml(String(type ?? 'any'))}${format}`;
}

function describeOf(schema: Json | undefined): string {
  return typeof schema?.description === 'string' ? inline(schema.description) : '';
}

/** Field table of an object schema. */
function fieldsHtml(schema: Json): string {
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  const required = new Set((schema.required as string[] | undefined) ?? []);
  const rows = Object.entries(properties).map(
    ([name, field]) => `<tr><td><code>${escapeHtml(name)}</code>${required.has(name) ? '' : ' <span class="opt">optional</span>'}</td><td>${typeHtml(field)}</td><td>${describeOf(field)}</td></tr>`,
  );
  return rows.length ? `<table><thead><tr><th>Field</th><th>Type</th><th>Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>` : '';
}

function bodyHtml(label: string, content: Json | undefined): string {
  if (!content) return '';
  return Object.entries(content)
    .map(([media, entry]) => {
      const schema = (entry as Json).schema as Json | undefined;
      const inline = schema && schema.type === 'object' && schema.properties ? fieldsHtml(schema) : '';
      return `<p>${escapeHtml(label)} <code>${escapeHtml(media)}</code>: ${typeHtml(schema)}${schema && !schema.$ref && describeOf(schema) ? ` — ${describeOf(schema)}` : ''}</p>${inline}`;
    })
    .join('');
}

function operationHtml(path: string, method: string, op: Json): string {
  const id = String(op.operationId ?? `${method}-${path}`);
  const parameters = (op.parameters as Json[] | undefined) ?? [];
  const params = parameters.length
    ? `<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Description</th></tr></thead><tbody>${parameters
        .map(
          (p) =>
            `<tr><td><code>${escapeHtml(String(p.name))}</code>${p.required ? '' : ' <span class="opt">optional</span>'}</td><td>${escapeHtml(String(p.in))}</td><td>${typeHtml(p.schema as Json)}</td><td>${inline(String(p.description ?? ''))}</td></tr>`,
        )
        .join('')}</tbody></table>`
    : '';
  const request = op.requestBody ? `<h4>Request body</h4>${bodyHtml('Body', (op.requestBody as Json).content as Json)}` : '';
  const responses = Object.entries((op.responses ?? {}) as Record<string, Json>)
    .map(([status, r]) => `<li><strong>${escapeHtml(status)}</strong> ${inline(String(r.description ?? ''))}${bodyHtml('', r.content as Json | undefined)}</li>`)
    .join('');
  const security = op.security ? '<p class="auth">Needs <code>Authorization: Bearer &lt;token&gt;</code>.</p>' : '';
  return `<details id="${escapeHtml(id)}"><summary><span class="method ${escapeHtml(method)}">${escapeHtml(method.toUpperCase())}</span> <code>${escapeHtml(path)}</code> <span class="summary">${inline(String(op.summary ?? ''))}</span></summary>
<div class="op">${op.description ? `<p>${inline(String(op.description))}</p>` : ''}${security}${params}${request}<h4>Responses</h4><ul>${responses}</ul></div></details>`;
}

/** The docs page for an OpenAPI document. */
export function renderDocsPage(doc: Json): string {
  const info = (doc.info ?? {}) as Json;
  const paths = (doc.paths ?? {}) as Record<string, Record<string, Json>>;
  const byTag = new Map<string, string[]>();
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = ((op.tags as string[] | undefined) ?? ['other'])[0]!;
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag)!.push(operationHtml(path, method, op));
    }
  }
  const schemas = (((doc.components ?? {}) as Json).schemas ?? {}) as Record<string, Json>;
  const sections = [...byTag].map(([tag, ops]) => `<section><h2 id="tag-${escapeHtml(tag)}">${escapeHtml(tag)}</h2>${ops.join('\n')}</section>`).join('\n');
  const components = Object.entries(schemas)
    .map(([name, s]) => `<section class="schema" id="${anchor(name)}"><h3>${escapeHtml(name)}</h3><p>${describeOf(s)}</p>${s.type === 'object' && s.properties ? fieldsHtml(s) : `<p>Type: ${typeHtml(s)}</p>`}</section>`)
    .join('\n');
  const nav = [...byTag.keys()].map((t) => `<a href="#tag-${escapeHtml(t)}">${escapeHtml(t)}</a>`).join(' · ');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(String(info.title ?? 'API'))} ${escapeHtml(String(info.version ?? ''))}</title>
<style>
:root { color-scheme: light dark; --fg: #1a1a1a; --bg: #fff; --muted: #555; --line: #ddd; --code: #f3f3f3; }
@media (prefers-color-scheme: dark) { :root { --fg: #eee; --bg: #141414; --muted: #aaa; --line: #333; --code: #222; } }
body { font: 16px/1.5 system-ui, sans-serif; color: var(--fg); background: var(--bg); max-width: 70rem; margin: 0 auto; padding: 1rem; }
a { color: inherit; } code { background: var(--code); padding: 0 .25em; border-radius: 3px; }
details { border: 1px solid var(--line); border-radius: 6px; margin: .5rem 0; } summary { padding: .5rem; cursor: pointer; }
summary:focus-visible, a:focus-visible { outline: 3px solid #2a6df4; outline-offset: 2px; }
.op { padding: 0 1rem 1rem; } .summary, .opt { color: var(--muted); } .opt { font-size: .85em; }
.method { display: inline-block; min-width: 4.5em; font-weight: 700; font-family: monospace; }
.get { color: #1d6b2f; } .post { color: #8a4b00; } .delete { color: #a3192b; }
@media (prefers-color-scheme: dark) { .get { color: #7fd694; } .post { color: #ffb45c; } .delete { color: #ff8a96; } }
table { border-collapse: collapse; width: 100%; margin: .5rem 0; } th, td { border-bottom: 1px solid var(--line); padding: .25rem .5rem; text-align: left; vertical-align: top; }
.schema { border-top: 1px solid var(--line); }
</style></head>
<body><header><h1>${escapeHtml(String(info.title ?? 'API'))} <small>${escapeHtml(String(info.version ?? ''))}</small></h1>
<p>${inline(String(info.description ?? ''))}</p><p>Machine-readable: <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${escapeHtml(String(doc.openapi ?? ''))}). ${nav} · <a href="#schemas">schemas</a></p></header>
<main>${sections}
<h2 id="schemas">Schemas</h2>${components}</main></body></html>
`;
}
