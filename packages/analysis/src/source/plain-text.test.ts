import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlainText } from './plain-text.js';

const corpus = new URL('../../../../corpus/putin-syria-2015-09/', import.meta.url);
const seed = (n: string): string => {
  const file = { '000': '000_fbc55344481ad475.txt', '001': '001_10204aad8015e45e.txt', '002': '002_e35b04c16b54d2ab.txt', '003': '003_e86d819293a394bf.txt', '004': '004_87197f165af4f63c.txt' }[n]!;
  return readFileSync(new URL(file, corpus), 'utf8');
};
const parse = (text: string) => parsePlainText(text, { sourcePath: 'x.txt' });

describe('parsePlainText on the seeds', () => {
  it('000: no headline; the first body paragraph is the lead sentence', () => {
    const d = parse(seed('000'));
    expect(d.headline).toBeNull();
    expect(d.standfirst).toBeNull();
    expect(d.paragraphs[0]).toMatch(/^Russian president Vladimir Putin defended/);
    expect(d.paragraphs).toHaveLength(9);
    expect(d.captions).toEqual([]);
    expect(d.boilerplate).toEqual([]);
    expect(d.outletName).toBeNull();
    expect(d.publishedAt).toBeNull();
    expect(d.language).toBe('en');
  });

  it('001: credit, headline and standfirst found; promo and newsletter lines out; outlet named by a promo line', () => {
    const d = parse(seed('001'));
    expect(d.credits).toEqual(['Alexey Kudenko / Host Photo Agency / Getty Images']);
    expect(d.headline).toBe('Putin defends Russian military equipment in Syria as necessary');
    expect(d.standfirst).toMatch(/^Without Russia's support for Syrian regime/);
    expect(d.paragraphs[0]).toMatch(/^Russian President Vladimir Putin on Tuesday said/);
    const body = d.paragraphs.join('\n');
    for (const junk of ['Sign up', 'Get email updates', 'Find Al Jazeera', 'Al Jazeera and Reuters']) expect(body).not.toContain(junk);
    expect(d.boilerplate.map((b) => b.kind)).toEqual(['agency', 'promo', 'newsletter', 'newsletter', 'newsletter', 'newsletter']);
    expect(d.outletName).toBe('Al Jazeera America');
  });

  it('002: two captions with their credits, the Read more block removed, the date from a caption', () => {
    const d = parse(seed('002'));
    expect(d.captions).toHaveLength(2);
    expect(d.captions[0]!.credit).toBe('Mikhail Klimentyev/Kremlin Pool Photo via AP');
    expect(d.captions[0]!.text).toMatch(/^Russian President Vladimir Putin listens to .* on Sept\. 15, 2015\.$/);
    expect(d.captions[1]!.credit).toMatch(/European Pressphoto Agency$/);
    expect(d.publishedAt).toBe('2015-09-15');
    expect(d.publishedAtSource).toBe('caption');
    const body = d.paragraphs.join('\n');
    expect(body).not.toContain('Read more');
    expect(body).not.toContain('Putin says Syria\u2019s president is ready for elections');
    expect(d.boilerplate.filter((b) => b.kind === 'related')).toHaveLength(4);
    expect(d.paragraphs.at(-1)).toMatch(/^In Dushanbe, the Collective Security Treaty Organization/);
    expect(d.headline).toBeNull();
  });

  it('003: the lead sentence stays in the body; the doubled caption line is set aside once', () => {
    const d = parse(seed('003'));
    expect(d.headline).toBeNull();
    expect(d.paragraphs[0]).toMatch(/^Kremlin spokesman Dmitry Peskov said Tuesday/);
    expect(d.captions).toHaveLength(1);
    expect(d.captions[0]!.text).toMatch(/^Russian President Vladimir Putin attends a meeting/);
    expect(d.paragraphs.join('\n')).not.toContain('attends a meeting');
    expect(d.boilerplate.map((b) => b.kind)).toEqual(['other', 'comment']);
    expect(d.paragraphs.some((p) => p.startsWith('Latakia is about 100 miles'))).toBe(true);
  });

  it('004: one paragraph per line when the text has no blank lines', () => {
    const d = parse(seed('004'));
    expect(d.paragraphs).toHaveLength(13);
    expect(d.headline).toBeNull();
  });

  it('keeps every line: body, captions, credits and boilerplate account for the whole source', () => {
    for (const n of ['000', '001', '002', '003', '004']) {
      const text = seed(n);
      const d = parse(text);
      const kept = [d.headline, d.standfirst, d.byline, ...d.paragraphs, ...d.captions.map((c) => c.text), ...d.credits, ...d.boilerplate.map((b) => b.text)].filter((x): x is string => x !== null);
      const lines = text.split('\n').map((l) => l.trim()).filter((l) => l.length > 0);
      for (const line of lines) expect(kept.some((k) => k.includes(line) || line.includes(k))).toBe(true);
    }
  });
});

describe('parsePlainText general rules', () => {
  const article = [
    'Storm closes schools across the region',
    'By Jane Doe and John Roe',
    'HALIFAX, Nova Scotia (AP) \u2014 A storm closed schools across the region on Monday, officials said, as winds of more than 100 km/h brought down power lines.',
    'About 40,000 homes were without power by the evening, the utility said. Crews were expected to work through the night.',
    'Follow us on Twitter',
    '"We ask everyone to stay at home," the premier told reporters.',
    'The Associated Press',
  ].join('\n\n');

  it('finds headline, byline with authors, dateline, and sets aside social and agency lines', () => {
    const d = parse(article);
    expect(d.headline).toBe('Storm closes schools across the region');
    expect(d.byline).toBe('By Jane Doe and John Roe');
    expect(d.authors).toEqual(['Jane Doe', 'John Roe']);
    expect(d.dateline).toBe('HALIFAX, Nova Scotia (AP)');
    expect(d.paragraphs).toHaveLength(3);
    expect(d.paragraphs[0]).toMatch(/^HALIFAX/);
    expect(d.boilerplate).toEqual([
      { text: 'Follow us on Twitter', kind: 'social' },
      { text: 'The Associated Press', kind: 'agency' },
    ]);
  });

  it('joins hard-wrapped lines into paragraphs', () => {
    const wrapped = [
      'The city council voted on Monday to close the old bridge for repairs,',
      'after engineers found cracks in two of its piers. The closure will last',
      'at least six months, the council said.',
      '',
      'Traffic will be diverted over the new bridge, the transport department',
      'said in a statement on Tuesday.',
    ].join('\n');
    const d = parse(wrapped);
    expect(d.paragraphs).toEqual([
      'The city council voted on Monday to close the old bridge for repairs, after engineers found cracks in two of its piers. The closure will last at least six months, the council said.',
      'Traffic will be diverted over the new bridge, the transport department said in a statement on Tuesday.',
    ]);
  });

  it('uses hints for outlet and date over what the text says', () => {
    const d = parsePlainText(seed('002'), { sourcePath: null, hints: { outlet: 'The Washington Post', publishedAt: '2015-09-16' } });
    expect(d.outletName).toBe('The Washington Post');
    expect(d.publishedAt).toBe('2015-09-16');
    expect(d.publishedAtSource).toBe('manifest');
  });

  it('handles a 15 MB single line (quadratic work would hit the test timeout)', () => {
    const line = 'word '.repeat(3_000_000);
    const d = parse(line);
    expect(d.paragraphs).toHaveLength(1);
  });
});

describe('parsePlainText on other outlets\' page furniture', () => {
  it('Guardian-style: byline with a place, photo caption with "Photograph:", first-published line, share buttons', () => {
    const text = [
      'Storm closes schools across the region',
      'Officials say power will not be back before Wednesday for tens of thousands of homes',
      'Maria Lopez in Halifax',
      'First published on Tue 15 Sep 2015 12.31 BST',
      'Share on Facebook',
      'Share on Twitter',
      'A storm closed schools across the region on Monday, officials said, as winds of more than 100 km/h brought down power lines across the province.',
      'Workers repair a power line in Halifax on Monday. Photograph: Andrew Vaughan/AP',
      'About 40,000 homes were without power by the evening, the utility said. Crews were expected to work through the night.',
      'Source: Reuters and agencies',
      '\u00a9 2015 The Halifax Courier. All rights reserved.',
    ].join('\n\n');
    const d = parsePlainText(text, { sourcePath: null });
    expect(d.headline).toBe('Storm closes schools across the region');
    expect(d.standfirst).toMatch(/^Officials say power/);
    expect(d.byline).toBe('Maria Lopez in Halifax');
    expect(d.authors).toEqual(['Maria Lopez']);
    expect(d.publishedAt).toBe('2015-09-15');
    expect(d.publishedAtSource).toBe('text');
    expect(d.captions).toEqual([{ text: 'Workers repair a power line in Halifax on Monday.', credit: 'Photograph: Andrew Vaughan/AP' }]);
    expect(d.paragraphs).toHaveLength(2);
    expect(d.boilerplate.map((b) => b.kind)).toEqual(['other', 'social', 'social', 'agency', 'other']);
    expect(d.outletName).toBe('Halifax Courier');
  });

  it('Post-style: a byline with its date gives authors and the date', () => {
    const text = [
      'By Andrew Roth and Karen DeYoung September 15, 2015',
      'MOSCOW \u2014 President Vladimir Putin on Tuesday defended Russia\u2019s military support for Syria, officials said in a statement that was read on television.',
      'The statement followed weeks of reports of a build-up at an air base near Latakia, which the Pentagon said it was watching closely.',
    ].join('\n\n');
    const d = parsePlainText(text, { sourcePath: null });
    expect(d.byline).toBe('By Andrew Roth and Karen DeYoung September 15, 2015');
    expect(d.authors).toEqual(['Andrew Roth', 'Karen DeYoung']);
    expect(d.publishedAt).toBe('2015-09-15');
    expect(d.dateline).toBe('MOSCOW');
  });
});
