import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';
import { defaultServerConditions } from 'vite';
import { fileURLToPath } from 'node:url';

const conditions = ['@parallax/source', ...defaultServerConditions];
// Unit tests use the plain svelte() plugin: Kit reads its config from the working directory.
export default defineConfig({
  plugins: [svelte()],
  resolve: { conditions, alias: { $lib: fileURLToPath(new URL('./src/lib', import.meta.url)) } },
  ssr: { resolve: { conditions } },
  test: { include: ['src/**/*.test.ts', 'test/**/*.test.ts'], environment: 'node', testTimeout: 20_000, hookTimeout: 120_000 },
});
