import type { Handle } from '@sveltejs/kit';
import { parseTheme, THEME_COOKIE } from '$lib/theme';

export const handle: Handle = async ({ event, resolve }) => {
  const theme = parseTheme(event.cookies.get(THEME_COOKIE));
  event.locals.theme = theme;
  const response = await resolve(event, {
    transformPageChunk: ({ html }) =>
      html.replace('%parallax.theme%', theme).replace('%parallax.scheme%', theme === 'system' ? 'light dark' : theme),
  });
  response.headers.set('x-content-type-options', 'nosniff');
  response.headers.set('referrer-policy', 'strict-origin-when-cross-origin');
  return response;
};
