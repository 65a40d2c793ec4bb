import { describe, expect, it } from 'vitest';
import { problemsOf, where } from '../../test/fixtures.js';
import { schemaDeps } from './schema-deps.js';

describe('schema-deps', () => {
  it('flags runtime dependencies and source imports other than zod; tests and scripts may use devDependencies', async () => {
    const problems = await problemsOf(schemaDeps, 'schema-deps');
    expect(where(problems)).toEqual([
      'packages/schema/package.json:14',
      'packages/schema/src/index.ts:2',
      'packages/schema/src/index.ts:3',
      'packages/schema/src/index.ts:4',
    ]);
    expect(problems[0]!.message).toContain('declares lodash-es in dependencies');
    expect(problems[1]!.message).toContain('"node:fs"');
    expect(problems[3]!.message).toContain('"../../engine/src/index.js"');
  });

  it('passes the clean fixture', async () => {
    expect(await problemsOf(schemaDeps, 'clean')).toEqual([]);
  });
});
