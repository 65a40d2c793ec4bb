// POST /theme: the theme toggle's form. Without JavaScript it redirects back to the page it came from;
// the enhanced toggle asks for JSON and gets 204.
import { redirect, type RequestHandler } from '@sveltejs/kit';
import { parseTheme, safeReturnPath, THEME_COOKIE } from '$lib/theme';

export const POST: RequestHandler = async ({ request, cookies }) => {
  const form = await request.formData();
  const theme = parseTheme(String(form.get('theme') ?? ''));
  cookies.set(THEME_COOKIE, theme, { path: '/', maxAge: 60 * 60 * 24 * 365, httpOnly: false, sameSite: 'lax', secure: false });
  if (request.headers.get('accept')?.includes('application/json')) return new Response(null, { status: 204 });
  redirect(303, safeReturnPath(String(form.get('return') ?? '/')));
};
