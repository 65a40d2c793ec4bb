import { describe, expect, it } from 'vitest';
import { problemsOf } from '../../test/fixtures.js';
import { workspaceCycles } from './workspace-cycles.js';

describe('workspace-cycles', () => {
  it('finds a cycle closed by an undeclared import, naming both edges', async () => {
    const problems = await problemsOf(workspaceCycles, 'workspace-cycles');
    expect(problems).toHaveLength(1);
    const [p] = problems;
    expect(p!.message).toMatch(/workspace cycle @parallax\/(engine|store) -> @parallax\/(store|engine) -> @parallax\/\1/);
    expect(p!.message).toContain('packages/store/src/index.ts:1 imports "@parallax/engine"');
    expect(p!.message).toContain('packages/engine/src/index.ts:1 imports "@parallax/store"');
    expect(p!.message).not.toContain('@parallax/ids');
  });

  it('passes the clean fixture', async () => {
    expect(await problemsOf(workspaceCycles, 'clean')).toEqual([]);
  });
});
