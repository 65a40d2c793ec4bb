import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vite';

export default defineConfig(({ command }) => ({
  plugins: [sveltekit()],
  // In dev, read workspace packages from source so edits hot-reload.
  ...(command === 'serve' ? { resolve: { conditions: ['@parallax/source'] }, ssr: { resolve: { conditions: ['@parallax/source'] } } } : {}),
}));
