// Shared vitest config for every workspace. Tests read sibling packages from their TypeScript
// source through the "@parallax/source" export condition, so no rebuild is needed between edits.
import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

const conditions = ['@parallax/source', ...defaultServerConditions];

/** @param {import('vitest/config').UserConfig['test']} [test] */
export function nodeConfig(test = {}) {
  return defineConfig({
    resolve: { conditions },
    ssr: { resolve: { conditions } },
    test: {
      include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
      environment: 'node',
      testTimeout: 30_000,
      ...test,
    },
  });
}
