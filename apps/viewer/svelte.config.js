import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
  preprocess: vitePreprocess(),
  kit: {
    adapter: adapter({ out: 'build' }),
    // Absolute links in server-rendered pages: the same hrefs with and without JavaScript, and URLs that
    // can be copied from the page as they are.
    paths: { relative: false },
    // Defence in depth for untrusted article text: only our own scripts (Kit hashes its inline boot
    // script), no plugins, no inline event handlers, no foreign base URLs or form targets.
    csp: {
      mode: 'auto',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self', 'unsafe-inline'],
        'img-src': ['self', 'data:'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};
