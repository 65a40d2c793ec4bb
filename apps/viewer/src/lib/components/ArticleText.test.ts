import { readFileSync } from 'node:fs';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { assignSpeakers } from '../speakers.js';
import ArticleText from './ArticleText.svelte';

const corpusFile = new URL('../../../../../corpus/putin-syria-2015-09/000_fbc55344481ad475.txt', import.meta.url);

/** The text a browser would show: tags dropped, entities decoded. */
const textOf = (html: string) =>
  html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<\/p>/g, '\n')
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');

function paragraphsOf(body: string) {
  return [...body.matchAll(/[^\n]+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

describe('ArticleText (server render)', () => {
  it('renders hostile markup in the body as text, never as elements', () => {
    const body = 'He said "<script>alert(1)</script> and <img src=x onerror=alert(2)>" loudly. <a href="javascript:alert(3)">x</a>';
    const quote = { id: 'quo_0000000000000001', segments: [{ start: 9, end: 66 }], span: { start: 9, end: 66 }, speaker: { name: 'Evil <b>Name</b>', entityId: null }, clusterId: null, kind: 'direct' };
    const claim = { id: 'clm_0000000000000001', span: { start: 0, end: 79 }, clusterId: 'cgr_0000000000000001', kind: 'assertion' };
    const { body: html } = render(ArticleText, {
      props: { body, paragraphs: [{ start: 0, end: body.length }], quotes: [quote], claims: [claim], speakers: assignSpeakers([quote]), quoteHref: () => '?q=quo_0000000000000001', claimHref: () => '/claims/cgr_0000000000000001' },
    });
    // No element from the article exists: its '<' are all escaped, and no tag carries a handler.
    expect(html).not.toMatch(/<(script|img|b)[\s>]/i);
    expect(html).not.toMatch(/<[^>]*\son\w+=/i);
    expect(html).not.toMatch(/<a\s[^>]*href="\s*javascript:/i);
    expect(html).toContain('&lt;script>alert(1)&lt;/script>');
    expect(textOf(html)).toContain(body.slice(0, 9));
    expect(textOf(html)).toContain('<script>alert(1)</script> and <img src=x onerror=alert(2)>');
    expect(html).toMatch(/class="q sp-0 c[ "]/);
  });

  it('gives back a real article body exactly, apart from the speaker badges', () => {
    const body = readFileSync(corpusFile, 'utf8').trim();
    const quotes = [...body.matchAll(/"([^"]+)"/g)].map((m, i) => ({
      id: `quo_${String(i).padStart(16, '0')}`,
      segments: [{ start: m.index + 1, end: m.index + 1 + m[1]!.length }],
      span: { start: m.index + 1, end: m.index + 1 + m[1]!.length },
      speaker: { name: 'Vladimir Putin', entityId: null },
      clusterId: null,
      kind: 'direct',
    }));
    const paragraphs = paragraphsOf(body);
    const { body: html } = render(ArticleText, { props: { body, paragraphs, quotes, claims: [], speakers: assignSpeakers(quotes) } });
    const shown = textOf(html).replace(/VP(Vladimir Putin says:)?/g, '');
    expect(shown.trim()).toBe(paragraphs.map((p) => body.slice(p.start, p.end)).join('\n'));
    expect((html.match(/class="badge sp-0[ "]/g) ?? []).length).toBe(quotes.length);
  });
});
