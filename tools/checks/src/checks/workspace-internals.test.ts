import { describe, expect, it } from 'vitest';
import { problemsOf, where } from '../../test/fixtures.js';
import { loadRepo } from '../repo.js';
import { fixture } from '../../test/fixtures.js';
import { isExported, workspaceInternals } from './workspace-internals.js';

describe('workspace-internals', () => {
  it('flags deep package paths and relative paths into another workspace, not declared exports', async () => {
    const problems = await problemsOf(workspaceInternals, 'workspace-internals');
    expect(where(problems)).toEqual(['apps/cli/src/main.ts:1', 'apps/cli/src/main.ts:2', 'apps/cli/src/main.ts:3']);
    expect(problems[0]!.message).toContain('"./src/parse.js" is not in its package.json exports');
    expect(problems[1]!.message).toContain('reaches into @parallax/engine (packages/engine/src/parse.js) by relative path');
    expect(problems[2]!.message).toContain('use @parallax/schema, @parallax/schema/json-schema/*');
  });

  it('reads exports maps: exact keys, patterns, null blocks, no map', () => {
    const repo = loadRepo(fixture('workspace-internals'));
    const schema = repo.byName.get('@parallax/schema')!;
    expect(isExported(schema, '')).toBe(true);
    expect(isExported(schema, 'json-schema/quote.input.json')).toBe(true);
    expect(isExported(schema, 'src/index.ts')).toBe(false);
    const blocked = { ...schema, manifest: { exports: { '.': './a.js', './x/*': './x/*', './x/private/*': null } } };
    expect(isExported(blocked, 'x/one.js')).toBe(true);
    expect(isExported(blocked, 'x/private/two.js')).toBe(false);
    const bare = { ...schema, manifest: {} };
    expect(isExported(bare, '')).toBe(true);
    expect(isExported(bare, 'lib/a.js')).toBe(false);
  });

  it('passes the clean fixture', async () => {
    expect(await problemsOf(workspaceInternals, 'clean')).toEqual([]);
  });
});
