import { describe, expect, it } from 'vitest';
import { problemsOf } from '../../test/fixtures.js';
import { fileCycles } from './file-cycles.js';

describe('file-cycles', () => {
  it('finds a value-import cycle across folders, ignoring type-only and dynamic imports', async () => {
    const problems = await problemsOf(fileCycles, 'file-cycles');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'packages/engine/src/a.ts', line: 1 });
    expect(problems[0]!.message).toBe('import cycle in @parallax/engine: src/a.ts -> src/b.ts -> src/nested/c.ts -> src/a.ts');
  });

  it('passes the clean fixture (its files import each other only for types)', async () => {
    expect(await problemsOf(fileCycles, 'clean')).toEqual([]);
  });
});
