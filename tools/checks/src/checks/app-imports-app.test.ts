import { describe, expect, it } from 'vitest';
import { problemsOf, where } from '../../test/fixtures.js';
import { appImportsApp } from './app-imports-app.js';

describe('app-imports-app', () => {
  it('flags an app importing another app (static, type-only and dynamic) and declaring it', async () => {
    const problems = await problemsOf(appImportsApp, 'app-imports-app');
    expect(where(problems)).toEqual(['apps/web/package.json:6', 'apps/web/src/index.ts:1', 'apps/web/src/index.ts:3']);
    expect(problems.every((p) => p.message.includes('@parallax/web') && p.message.includes('@parallax/api'))).toBe(true);
  });

  it('passes the clean fixture', async () => {
    expect(await problemsOf(appImportsApp, 'clean')).toEqual([]);
  });
});
