// For local runs from the root (`npx vitest`); CI runs `turbo run test`, one workspace at a time.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: { projects: ['packages/*', 'apps/*', 'tools/*'] },
});
