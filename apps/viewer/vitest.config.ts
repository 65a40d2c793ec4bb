import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';

const conditions = ['@parallax/source', ...defaultServerConditions];
// Unit tests use the plain svelte() plugin: Kit reads its config from the working directory.
export default defineConfig({
  plugins: [svelte()],
  resolve: { conditions },
  ssr: { resolve: { conditions } },
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], environment: 'node', testTimeout: 20_000, hookTimeout: 120_000 },
});
