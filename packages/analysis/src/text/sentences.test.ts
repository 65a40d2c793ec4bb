import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { articleSentences, splitSentences, words } from './sentences.js';
import { evalDir } from '../../test/shared.js';

const texts = (t: string) => splitSentences(t).map((s) => t.slice(s.start, s.end));

describe('splitSentences', () => {
  it('keeps abbreviations, initials and decimals inside a sentence', () => {
    const t = 'Navy Capt. Jeff Davis, a Pentagon spokesman, said Monday. The U.S. insists Assad must go. It cost $3.5 billion on Sept. 15, 2015. John F. Kennedy spoke.';
    expect(texts(t)).toEqual([
      'Navy Capt. Jeff Davis, a Pentagon spokesman, said Monday.',
      'The U.S. insists Assad must go.',
      'It cost $3.5 billion on Sept. 15, 2015.',
      'John F. Kennedy spoke.',
    ]);
  });

  it('keeps a closing quote mark with the sentence it ends, and splits paragraphs', () => {
    const t = '“We call on other countries to join us.” Putin said so.\n\nNext paragraph here';
    expect(texts(t)).toEqual(['“We call on other countries to join us.”', 'Putin said so.', 'Next paragraph here']);
  });

  it('ends a sentence after U.S. when a new sentence starts', () => {
    expect(texts('He flew to the U.S. He met Obama.')).toEqual(['He flew to the U.S.', 'He met Obama.']);
  });

  it('keeps "U.S. President" and "U.N. Security Council" inside their sentence', () => {
    expect(texts('Talks began after U.S. President Joe Biden called. The U.N. Security Council met on Friday.')).toEqual([
      'Talks began after U.S. President Joe Biden called.',
      'The U.N. Security Council met on Friday.',
    ]);
  });

  it('ends a sentence after a score, a contraction or a common word that is also an abbreviation', () => {
    expect(texts('Agassi lost 6-3 6-1. Defending champion Andy Roddick won.')).toEqual(['Agassi lost 6-3 6-1.', 'Defending champion Andy Roddick won.']);
    expect(texts("We'll see who is right and who isn't. Kenteris, a Greek hero, also confirmed it.")).toEqual(["We'll see who is right and who isn't.", 'Kenteris, a Greek hero, also confirmed it.']);
    expect(texts('He sat. Then he said no. The vote went ahead.')).toEqual(['He sat.', 'Then he said no.', 'The vote went ahead.']);
    // Written as abbreviations, they still hold the sentence together.
    expect(texts('He went to No. 10 Downing Street on Sat. March 5 with Gen. Smith.')).toEqual(['He went to No. 10 Downing Street on Sat. March 5 with Gen. Smith.']);
  });

  it('returns absolute offsets inside a range', () => {
    const t = 'xx One. Two. yy';
    expect(splitSentences(t, 3, 12)).toEqual([{ start: 3, end: 7 }, { start: 8, end: 12 }]);
  });
});

describe('words', () => {
  it('keeps apostrophes, hyphens and inner dots within words', () => {
    expect(words('Putin’s military-technical U.N. aid, 250,000').map((w) => w.text)).toEqual(['Putin’s', 'military-technical', 'U.N', 'aid', '250', '000']);
  });
});

const corpusDir = fileURLToPath(new URL('../../../../corpus/putin-syria-2015-09/', import.meta.url));
const corpusFile = (prefix: string): string => {
  const name = readdirSync(corpusDir).find((f) => f.startsWith(prefix));
  return readFileSync(corpusDir + (name ?? ''), 'utf8');
};
const bbcDir = evalDir('bbc', 'bbc');
const sentences = (text: string): string[] => splitSentences(text).map((s) => text.slice(s.start, s.end).replace(/[ \u00a0]+/g, ' '));

describe('splitSentences on the seed corpus', () => {
  it('keeps "U.N. statistics", "Sept. 15, 2015" and quotes ending sentences intact', () => {
    const s = sentences(corpusFile('002_'));
    expect(s).toContain('The war in Syria has killed more than 250,000 people since 2011, according to U.N. statistics, and more than 4 million Syrians out of a population of about 22 million have fled the country.');
    expect(s.some((x) => x.endsWith('on Sept. 15, 2015.'))).toBe(true);
    expect(s).toContain('President Vladimir Putin on Tuesday defended Russia’s military support for Syria, saying it was necessary to defeat the Islamic State and “terrorist aggression.”');
    expect(s).toContain('“We have provided and will provide necessary military and technical support and call on other nations to join us.”');
    expect(s).toContain('(Mikhail Klimentyev/Kremlin Pool Photo via AP)'); // a credit after a caption stands alone
  });

  it('does not break after a title or inside a speaker appositive', () => {
    const s = sentences(corpusFile('003_'));
    expect(s.some((x) => x.endsWith('Navy Capt. Jeff Davis, a Pentagon spokesman, said Monday.'))).toBe(true);
    expect(s).toContain('Latakia is about 100 miles from Islamic State-held territory near Aleppo.');
    expect(s).toContain('Despite the concerns about de-confliction, the U.S and Russian militaries have had no direct contact lately, Davis said.');
  });

  it('ends a sentence at every line break (004 has one paragraph a line)', () => {
    const text = corpusFile('004_');
    const s = sentences(text);
    expect(s).toContain('"To this end, we hold consultations with our American partners - I have personally spoken on the issue with US President Obama."');
    expect(s).toContain('Last week Syrian state television released images showing an advanced Russian-built armoured personnel carrier, the BTR-82a, in combat.');
    for (const x of s) expect(x).not.toMatch(/\n/);
  });
});

describe.skipIf(!existsSync(bbcDir))('splitSentences on BBC text', () => {
  it('splits at a quote that opens the next sentence and keeps "Ms Hewitt said:" with its quote', () => {
    const text = readFileSync(`${bbcDir}/politics/001.txt`, 'utf8');
    const s = sentences(text);
    expect(s).toContain('Ms Hewitt said: "We have already doubled the length of maternity pay, it was 13 weeks when we were elected, we have already taken it up to 26 weeks.');
    expect(s).toContain('"We are going to extend the pay to nine months by 2007 and the aim is to get it right up to the full 12 months by the end of the next Parliament."');
    expect(s).toContain('Further details of the government\'s plans will be outlined on Monday.');
  });

  it('covers the text: every sentence is trimmed and in order over a whole folder', () => {
    for (const f of readdirSync(`${bbcDir}/tech`).slice(0, 100)) {
      const text = readFileSync(`${bbcDir}/tech/${f}`, 'utf8');
      let last = 0;
      for (const sp of splitSentences(text)) {
        expect(sp.start).toBeGreaterThanOrEqual(last);
        const x = text.slice(sp.start, sp.end);
        expect(x).toBe(x.trim());
        expect(x.length).toBeGreaterThan(0);
        last = sp.end;
      }
    }
  });
});

describe('splitSentences edge cases', () => {
  it('handles decimals, initials, acronyms before a new sentence, and "?" inside quotes', () => {
    expect(sentences('Growth was 4.5% in 2004. J. K. Rowling said so. It hit the U.S. The next day it fell.')).toEqual([
      'Growth was 4.5% in 2004.',
      'J. K. Rowling said so.',
      'It hit the U.S.',
      'The next day it fell.',
    ]);
    // A quoted question is a sentence of its own, so claims leave it out as a question.
    expect(sentences('"Why now?" he asked. Mr. Smith left U.S. officials behind.')).toEqual(['"Why now?"', 'he asked.', 'Mr. Smith left U.S. officials behind.']);
  });

  it('never throws, and every span is inside the text, on random unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), fc.nat(50), (s, off) => {
        let last = off;
        for (const sp of splitSentences(s, off)) {
          expect(sp.start).toBeGreaterThanOrEqual(last);
          expect(sp.end).toBeLessThanOrEqual(s.length + off);
          expect(sp.end).toBeGreaterThan(sp.start);
          last = sp.end;
        }
      }),
      { numRuns: 500 },
    );
  });

  it('splits a huge line without punctuation in linear time', () => {
    const s = 'word '.repeat(2_000_000);
    expect(splitSentences(s)).toHaveLength(1);
  });

  it('gives each paragraph its own sentences, where breaks fall inside, between or nowhere near paragraphs', () => {
    const body = 'Putin spoke. He left\n\nNo stop here\n\nThe U.S. said so! Ask? Done…';
    const paragraphs = [
      { start: 0, end: 20 },
      { start: 22, end: 34 },
      { start: 36, end: body.length },
    ];
    expect(articleSentences({ body, paragraphs }).map((s) => body.slice(s.start, s.end))).toEqual(['Putin spoke.', 'He left', 'No stop here', 'The U.S. said so!', 'Ask?', 'Done…']);
    // Paragraph spans (Article JSON) over a body with no break at all: 50,000 paragraphs of one word each,
    // each its own sentence. (The break scanner remembers how far it read: a scan from each paragraph to
    // the end of the body would be quadratic.)
    const flat = 'word '.repeat(50_000);
    const spans = Array.from({ length: 50_000 }, (_, k) => ({ start: k * 5, end: k * 5 + 4 }));
    const sentences = articleSentences({ body: flat, paragraphs: spans });
    expect(sentences).toHaveLength(50_000);
    expect(sentences[49_999]).toEqual({ start: 249_995, end: 249_999 });
  });
});
