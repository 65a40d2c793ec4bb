// The colour theme: "system" follows prefers-color-scheme; light and dark are chosen with the toggle and
// kept in a cookie, so the server renders the right theme and the toggle works without JavaScript.
export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];
export const THEME_COOKIE = 'parallax-theme';

export const parseTheme = (value: string | null | undefined): Theme => (THEMES as readonly string[]).includes(value ?? '') ? (value as Theme) : 'system';

/** A same-site path to return to after a form post: anything else (other hosts, //evil) goes home. */
export function safeReturnPath(value: string | null | undefined): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  return value;
}
