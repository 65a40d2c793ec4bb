import { describe, expect, it } from 'vitest';
import { findQuotedSpans } from './marks.js';

function quoted(body: string) {
  const paragraphs: { start: number; end: number }[] = [];
  let at = 0;
  for (const p of body.split('\n\n')) {
    paragraphs.push({ start: at, end: at + p.length });
    at += p.length + 2;
  }
  return findQuotedSpans(body, paragraphs).map((q) => ({ text: body.slice(q.content.start, q.content.end), closed: q.closed, continued: q.continued }));
}

describe('findQuotedSpans', () => {
  it('pairs curly, straight, guillemet and low-high marks, and mixed pairs', () => {
    const body = '“Curly,” he said. "Straight." «Guillemets» and „German“ quotes. Such a deal, “right up to the point of governing".';
    expect(quoted(body).map((q) => q.text)).toEqual(['Curly,', 'Straight.', 'Guillemets', 'German', 'right up to the point of governing']);
  });

  it('does not take apostrophes for quote marks', () => {
    const body = 'Russia’s support for Assad’s regime didn’t change, the Kremlin’s aide said.';
    expect(quoted(body)).toEqual([]);
  });

  it('finds single-quoted headlines but not possessives', () => {
    expect(quoted('Putin says support is ‘necessary’ as Russia’s role grows').map((q) => q.text)).toEqual(['necessary']);
  });

  it('reads a stray backtick before a mark as one opening', () => {
    const body = 'He said Assad would engage a `”healthy part of the opposition,” but added more.';
    expect(quoted(body).map((q) => q.text)).toEqual(['healthy part of the opposition,']);
  });

  it('marks a quote that runs on into the next paragraph', () => {
    const body = '“The first paragraph of a long quote.\n\n“The second paragraph ends it.”';
    expect(quoted(body)).toEqual([
      { text: 'The first paragraph of a long quote.', closed: false, continued: true },
      { text: 'The second paragraph ends it.', closed: true, continued: false },
    ]);
  });

  it('keeps nested single quotes inside a double quote', () => {
    const body = '"He called it a ‘big stick’ to punish them," Lavrov said.';
    expect(quoted(body).map((q) => q.text)).toEqual(['He called it a ‘big stick’ to punish them,']);
  });
});
