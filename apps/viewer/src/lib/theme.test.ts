import { describe, expect, it } from 'vitest';
import { parseTheme, safeReturnPath } from './theme.js';

describe('theme', () => {
  it('accepts the three themes only', () => {
    expect(parseTheme('dark')).toBe('dark');
    expect(parseTheme('<script>')).toBe('system');
    expect(parseTheme(undefined)).toBe('system');
  });
  it('returns only to same-site paths', () => {
    expect(safeReturnPath('/stories/sty_44a632104ad3a520?x=1')).toBe('/stories/sty_44a632104ad3a520?x=1');
    expect(safeReturnPath('//evil.example/')).toBe('/');
    expect(safeReturnPath('https://evil.example/')).toBe('/');
    expect(safeReturnPath('/\\evil.example')).toBe('/');
  });
});
