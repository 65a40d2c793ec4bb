// Checks real responses against the OpenAPI document the API serves: the document is fetched from the
// app, validated as OpenAPI 3.1 (@seriousme/openapi-schema-validator), and each response's status, media
// type and body are matched with the operation's documented response schema (Ajv, JSON Schema 2020-12).
import { Validator } from '@seriousme/openapi-schema-validator';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { Express } from 'express';
import request from 'supertest';
import { expect } from 'vitest';

type Json = Record<string, unknown>;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const DOC_ID = 'https://parallax.invalid/openapi.json';

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

export interface CheckedResponse {
  status: number;
  body: unknown;
  headers: Record<string, string | undefined>;
  text?: string;
}

export class OpenApiChecker {
  private readonly ajv: Ajv2020;
  private readonly compiled = new Map<string, ValidateFunction>();
  private readonly templates: Array<{ template: string; pattern: RegExp }>;

  private constructor(readonly doc: Json) {
    this.ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(this.ajv);
    this.ajv.addSchema({ ...doc, $id: DOC_ID });
    this.templates = Object.keys(doc.paths as Json).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/[.]/g, '\\.').replace(/\{\w+\}/g, '[^/]+')}$`),
    }));
  }

  static async load(app: Express): Promise<OpenApiChecker> {
    const res = await request(app).get('/api/openapi.json').expect(200);
    return new OpenApiChecker(res.body as Json);
  }

  /** The document is valid OpenAPI 3.1. */
  async expectValid(doc: Json = this.doc): Promise<void> {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc));
    expect(result.errors ?? [], JSON.stringify(result.errors, null, 1)?.slice(0, 2000)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe('3.1');
  }

  /** The response matches what the document says this operation answers with this status. */
  check(method: string, url: string, res: CheckedResponse): void {
    const path = url.split('?')[0]!;
    const found = this.templates.find((t) => t.pattern.test(path));
    const context = `${method.toUpperCase()} ${url} -> ${res.status}`;
    if (!found) {
      // Unknown paths answer 404 problem details; nothing in the document to check beyond that.
      expect(res.status, context).toBe(404);
      return;
    }
    const operation = (this.doc.paths as Record<string, Record<string, Json>>)[found.template]![method];
    expect(operation, `${context}: not in the document`).toBeDefined();
    const responses = operation!.responses as Record<string, Json>;
    const documented = responses[String(res.status)];
    expect(documented, `${context}: status not documented`).toBeDefined();
    if (res.status === 204 || res.status === 304) return;
    const content = documented!.content as Record<string, Json>;
    const media = (res.headers['content-type'] ?? '').split(';')[0]!.trim();
    expect(Object.keys(content), context).toContain(media);
    if (media === 'text/html') return;
    const key = `${found.template} ${method} ${res.status} ${media}`;
    let validate = this.compiled.get(key);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOC_ID}#/${pointer('paths', found.template, method, 'responses', String(res.status), 'content', media, 'schema')}` });
      this.compiled.set(key, validate);
    }
    const body = res.body !== undefined && res.body !== null && !(typeof res.body === 'object' && Object.keys(res.body).length === 0 && res.text) ? res.body : JSON.parse(res.text ?? 'null');
    const ok = validate(body);
    expect(ok, `${context}: ${this.ajv.errorsText(validate.errors, { separator: '\n' })}`).toBe(true);
  }
}
