import { describe, expect, it } from 'vitest';
import { problemsOf, where } from '../../test/fixtures.js';
import { typesPackageFor, undeclaredDeps } from './undeclared-deps.js';

describe('undeclared-deps', () => {
  it('flags value imports of undeclared packages, subpaths and require() included', async () => {
    const problems = await problemsOf(undeclaredDeps, 'undeclared-deps');
    expect(where(problems)).toEqual(['apps/api/src/server.ts:1', 'apps/api/src/server.ts:4', 'apps/api/src/server.ts:7', 'apps/api/src/server.ts:11']);
    expect(problems.map((p) => p.message.match(/declare (\S+)/)![1])).toEqual(['express', 'pg', 'marked', 'chalk']);
  });

  it('maps packages to their @types package', () => {
    expect(typesPackageFor('pg')).toBe('@types/pg');
    expect(typesPackageFor('@sveltejs/kit')).toBe('@types/sveltejs__kit');
  });

  it('passes the clean fixture', async () => {
    expect(await problemsOf(undeclaredDeps, 'clean')).toEqual([]);
  });
});
