// Writes json-schema/*.json from the built package, so the files shipped match the zod schemas.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { allJsonSchemas } from '../dist/index.js';

const out = fileURLToPath(new URL('../json-schema/', import.meta.url));
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const files = allJsonSchemas();
for (const [name, schema] of Object.entries(files)) writeFileSync(out + name, JSON.stringify(schema, null, 2) + '\n');
console.log(`wrote ${Object.keys(files).length} JSON Schema files to json-schema/`);
