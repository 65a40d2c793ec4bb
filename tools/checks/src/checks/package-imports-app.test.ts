import { describe, expect, it } from 'vitest';
import { problemsOf, where } from '../../test/fixtures.js';
import { packageImportsApp } from './package-imports-app.js';

describe('package-imports-app', () => {
  it('flags a package importing an app by name and by relative path, and declaring it', async () => {
    const problems = await problemsOf(packageImportsApp, 'package-imports-app');
    expect(where(problems)).toEqual(['packages/engine/package.json:6', 'packages/engine/src/index.ts:1', 'packages/engine/src/index.ts:2']);
    expect(problems[1]!.message).toContain('package @parallax/engine imports app @parallax/web ("@parallax/web")');
    expect(problems[2]!.message).toContain('"../../../apps/web/src/helper.js"');
  });

  it('passes the clean fixture', async () => {
    expect(await problemsOf(packageImportsApp, 'clean')).toEqual([]);
  });
});
