import { describe, expect, it } from 'vitest';
import { fixture } from '../test/fixtures.js';
import { loadRepo, manifestLine, packageNameOf, resolveImport, svelteScript } from './repo.js';

describe('loadRepo', () => {
  const repo = loadRepo(fixture('clean'));

  it('finds the workspaces from the root package.json and sorts them into packages, apps and tools', () => {
    expect(repo.workspaces.map((w) => `${w.kind} ${w.name}`)).toEqual([
      'package @parallax/engine',
      'package @parallax/schema',
      'app @parallax/web',
      'tool @parallax/lint',
    ]);
  });

  it('collects imports with their line, type-only and dynamic flags, Svelte scripts included', () => {
    const main = repo.files.find((f) => f.rel === 'apps/web/src/main.ts')!;
    expect(main.imports.map((i) => [i.specifier, i.line, i.typeOnly])).toEqual([
      ['@parallax/engine', 1, false],
      ['@parallax/schema', 2, true],
      ['pg', 3, true],
      ['node:path', 4, false],
      ['$env/dynamic/private', 5, false],
    ]);
    const page = repo.files.find((f) => f.rel === 'apps/web/src/Page.svelte')!;
    expect(page.imports).toEqual([{ specifier: '@parallax/schema', line: 2, typeOnly: true, dynamic: false }]);
  });

  it('tells shipped code from tests', () => {
    expect(repo.files.filter((f) => f.isTest).map((f) => f.rel).sort()).toEqual(['apps/web/src/main.test.ts', 'packages/schema/test/helpers.ts']);
  });

  it('classifies specifiers', () => {
    const main = repo.files.find((f) => f.rel === 'apps/web/src/main.ts')!;
    expect(resolveImport(repo, main, 'node:fs').kind).toBe('builtin');
    expect(resolveImport(repo, main, 'fs/promises').kind).toBe('builtin');
    expect(resolveImport(repo, main, '$app/navigation').kind).toBe('virtual');
    expect(resolveImport(repo, main, '@parallax/schema/json-schema/a.json')).toMatchObject({ kind: 'package', packageName: '@parallax/schema', subpath: 'json-schema/a.json' });
    expect(resolveImport(repo, main, '../../../packages/engine/src/index.js')).toMatchObject({ kind: 'relative', workspace: { name: '@parallax/engine' } });
  });
});

describe('helpers', () => {
  it('keeps only Svelte script blocks, line for line', () => {
    const text = '<script module>\nexport const a = 1;\n</script>\n<p>{a}</p>\n<script lang="ts">\nimport x from "y";\n</script>\n';
    const script = svelteScript(text);
    expect(script.split('\n')).toHaveLength(text.split('\n').length);
    expect(script.split('\n')[5]).toBe('import x from "y";');
    expect(script).not.toContain('<p>');
  });

  it('finds the line of a dependency in package.json', () => {
    const text = '{\n  "name": "x",\n  "dependencies": {\n    "zod": "^4"\n  },\n  "devDependencies": {\n    "zod": "^4"\n  }\n}\n';
    expect(manifestLine(text, 'dependencies', 'zod')).toBe(4);
    expect(manifestLine(text, 'devDependencies', 'zod')).toBe(7);
  });

  it('splits package names from subpaths', () => {
    expect(packageNameOf('@parallax/schema/json-schema/x.json')).toEqual({ packageName: '@parallax/schema', subpath: 'json-schema/x.json' });
    expect(packageNameOf('zod')).toEqual({ packageName: 'zod', subpath: '' });
  });
});
