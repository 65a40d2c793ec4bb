import { describe, expect, it } from 'vitest';
import { splitSentences, words } from './sentences.js';

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
