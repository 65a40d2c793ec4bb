import { describe, expect, it } from 'vitest';
import { articleFromText } from '../../test/corpus.js';
import { extractQuotes } from './extract.js';
import { ArticleEntities, byOffset, genderOfWord, indexTokens, learnNames, parseSourcePhrase, sameFirstName, sortInPlace, tokenize, type Token } from './speakers.js';

const parse = (s: string) => parseSourcePhrase(s, 0, s.length);
const speakerOf = (text: string, start: string) => {
  const { quotes } = extractQuotes(articleFromText(text));
  const q = quotes.find((x) => x.text.includes(start));
  return q?.speaker?.name ?? null;
};

describe('places are not speakers', () => {
  it('takes the object of "from", "in", "to" for a place or addressee, never the head of the phrase', () => {
    expect(parse('a little-known congressman from Tennessee')).toMatchObject({ kind: 'description', entityKind: 'person' });
    expect(parse('the time was a spokeswoman for a little-known congressman from Tennessee')?.name).not.toBe('Tennessee');
    expect(parse('a spokeswoman for Rep. Stephen Fincher')).toMatchObject({ kind: 'description', entityKind: 'person' });
    expect(parse('Senator from Texas')).toMatchObject({ kind: 'description', name: 'Senator from Texas' });
  });

  it('leaves a capitalised conjunction that opens the sentence out of the name', () => {
    expect(parse('When Trump')).toMatchObject({ name: 'Trump', roles: [] });
    expect(parse('After Scalia')).toMatchObject({ name: 'Scalia' });
    expect(parse('Once Rangers')?.name).toBe('Rangers');
  });

  it('keeps the name before a preposition ("John Smith of the ACLU") and an institution named for a state', () => {
    expect(parse('John Smith of the ACLU')).toMatchObject({ name: 'John Smith', entityKind: 'person' });
    expect(parse('Sen. John McCain of Arizona')).toMatchObject({ name: 'John McCain', entityKind: 'person' });
    expect(parse('a 2014 study by Harvard and the University of California at Berkeley')).toMatchObject({ name: 'University of California', entityKind: 'organisation' });
  });

  it('reads a state and a party as a description of people, and a state alone as a place', () => {
    expect(parse('a Tennessee Republican')).toMatchObject({ kind: 'description', entityKind: 'person' });
    expect(parse('two Democratic')).toMatchObject({ kind: 'group' });
    expect(parse('Tennessee')).toMatchObject({ entityKind: 'place' });
    expect(parse('The Washington Post')).toMatchObject({ kind: 'organisation', name: 'Washington Post' });
  });

  it('reads a name before a lower-case plural as a modifier of a group, not as the speaker', () => {
    expect(parse('Café owners')).toMatchObject({ kind: 'group', name: 'Café owners' });
    expect(parse('Trump supporters')).toMatchObject({ kind: 'group', name: 'Trump supporters' });
    expect(parse('Rand Paul')).toMatchObject({ kind: 'name', name: 'Rand Paul' });
    expect(speakerOf('Café owners said on Monday that prices had risen by 12% since the spring.', 'prices')).toBe('Café owners');
  });

  it('reads a name before an organisation noun as a modifier of the organisation, not as the speaker', () => {
    expect(parse('The Australian government')).toMatchObject({ kind: 'organisation', name: 'Australian government' });
    expect(parse('the Swedish firm')).toMatchObject({ kind: 'organisation', name: 'Swedish firm' });
    expect(speakerOf('The US regulator said foreign firms may get extra time to comply with a key clause of the act.', 'foreign firms')).toBe('US regulator');
    expect(speakerOf('The Bush administration argues that the US deficit reflects faster growth than in the rest of the world.', 'the US deficit')).toBe('Bush administration');
  });

  it('does not learn "New York" as a person, so a later pronoun finds the subject', () => {
    const text =
      'Clinton defends her record.\n\n' +
      'Hillary Clinton spoke on Monday.\n\n' +
      'While serving as a senator from New York in 2007, Clinton criticized the Bush administration for its "secrecy," according to The Hill. "We know about the secret wiretaps, we know about the secret military tribunals, the secret White House email accounts," she said.';
    const entities = new ArticleEntities(text);
    learnNames(text, entities);
    expect([...entities.all].map((e) => e.name)).not.toContain('New York');
    expect(speakerOf(text, 'We know about the secret wiretaps')).toBe('Hillary Clinton');
  });

  it('gives a quote to its speaker, not to a congressman from a state in a long relative clause', () => {
    const text =
      'An aide resigns.\n\n' +
      'On Friday, the aide, Elizabeth Lauten, 31, who has more than 14,000 followers on Twitter as @DCGopGirl and at the time was a spokeswoman for a little-known congressman from Tennessee, wrote an open letter to Sasha and Malia Obama on her Facebook page, saying they should “try showing a little class” and “dress like you deserve respect, not a spot at a bar.”';
    expect(speakerOf(text, 'try showing a little class')).toBe('Elizabeth Lauten');
  });
});

describe('a name run stops at punctuation', () => {
  it('does not join the end of one sentence to the name opening the next', () => {
    const text = 'He was compared to Barack Obama.\n\n"Sheriff Arpaio knows the struggle border states face," said Gov. Rick Perry.';
    const entities = new ArticleEntities(text);
    learnNames(text, entities);
    const names = [...entities.all].map((e) => e.name);
    expect(names).toContain('Barack Obama');
    expect(names.some((n) => n.includes('Obama') && n.includes('Arpaio'))).toBe(false);
  });
});

describe('pronouns and descriptions', () => {
  it('skips a person the text marks as female for "he" ("his wife, Huma Abedin")', () => {
    const text =
      'Weiner denies sending photo.\n\n' +
      '“I just feel terrible for her,” Mr. Weiner said, adding that he had never corresponded with her.\n\n' +
      'The congressman also expressed concern about the toll the episode was taking on his wife, Huma Abedin, a longtime aide to Secretary of State Hillary Rodham Clinton. “I’m protecting my wife, who every day is waking up to these insane stories that are getting so far from reality,” he told CNN.';
    expect(speakerOf(text, 'protecting my wife')).toBe('Weiner');
  });

  it('resolves a sentence-opening description ("The congressman") as a mention of the person it refers back to', () => {
    const text = 'Representative Anthony D. Weiner spoke on Wednesday.\n\nThe congressman also met Ms. Jane Doe. “We will be fine,” he said.';
    expect(speakerOf(text, 'We will be fine')).toBe('Anthony D. Weiner');
  });

  it('reads gender from honorifics and gendered role words', () => {
    expect(genderOfWord('Mrs.')).toBe('female');
    expect(genderOfWord('congressman')).toBe('male');
    expect(genderOfWord('senator')).toBeUndefined();
  });
});

describe('people who share a surname', () => {
  it('keeps two full names with different first names apart', () => {
    expect(sameFirstName('Hillary Clinton', 'Hillary Rodham Clinton')).toBe(true);
    expect(sameFirstName('J. Smith', 'John Smith')).toBe(true);
    expect(sameFirstName('Hillary Clinton', 'Bill Clinton')).toBe(false);
    const text = 'Former President Bill Clinton criticized the law during a stop for his wife Hillary Clinton.\n\n“It doesn’t make any sense,” Clinton said.';
    const entities = new ArticleEntities(text);
    learnNames(text, entities);
    const names = [...entities.all].map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Bill Clinton', 'Hillary Clinton']));
    // The bare surname goes to the one the article introduced first.
    expect(speakerOf(text, 'doesn’t make any sense')).toBe('Bill Clinton');
  });
});

describe('attribution after a quote', () => {
  it('does not take a subordinate clause ("after The Washington Post reported") as the attribution', () => {
    const text =
      'Moore denies allegations.\n\n' +
      'Roy Moore is running for the Senate. Moore lashed out earlier at what he called "the Obama-Clinton machine\'s liberal media lapdogs" after The Washington Post reported on a woman\'s claims about him.';
    expect(speakerOf(text, 'liberal media lapdogs')).toBe('Roy Moore');
  });
});

describe('names that look like titles, months or affiliations', () => {
  it('keeps a month or a title word that is a surname after a given name', () => {
    expect(speakerOf('“We will not be deterred,” Theresa May said on Tuesday.', 'We will not')).toBe('Theresa May');
    expect(parse('Mrs May')).toMatchObject({ kind: 'name', name: 'May' });
    expect(parse('Putin Tuesday')).toMatchObject({ name: 'Putin' });
    expect(speakerOf('“We agree with the president on this,” Rep. Steve King, R-Iowa, said.', 'We agree')).toBe('Steve King');
    expect(parse('Amy Pope')).toMatchObject({ kind: 'name', name: 'Amy Pope', entityKind: 'person' });
    expect(parse('Mervyn King of the Bank of England')).toMatchObject({ name: 'Mervyn King', entityKind: 'person' });
    expect(parse('the Saudi King')).toMatchObject({ kind: 'description' });
  });

  it('leaves an affiliation or home town after "of" out of a person\'s name, not out of an organisation\'s', () => {
    expect(speakerOf('“Rates will rise before the summer,” said Orin Middleton of Barclays Capital.', 'Rates will')).toBe('Orin Middleton');
    expect(parse('Detective Inspector Paul Miller of Thames Valley Police')).toMatchObject({ kind: 'name', name: 'Paul Miller', entityKind: 'person' });
    expect(parse('the Office for National Statistics')).toMatchObject({ kind: 'organisation', name: 'Office for National Statistics' });
    expect(parse('the Department for Education')).toMatchObject({ name: 'Department for Education' });
    expect(parse('the London School of Economics')?.name).toBe('London School of Economics');
    expect(parse('The Boys Choir of Harlem')?.name).toBe('Boys Choir of Harlem');
  });
});

describe('descriptions that name an office', () => {
  it('keeps the modifiers of a role before its cue and resolves the office only to its holder on record', () => {
    const text = 'Prime Minister Tony Blair and Deputy Prime Minister John Prescott visited Edinburgh on Monday.\n\n“We will not be complacent about this election,” the prime minister said.';
    expect(speakerOf(text, 'We will not be complacent')).toBe('Tony Blair');
    // No holder on record: the whole description stays, not its head ("minister") nor the person the text is about.
    const other = 'Michael Howard attacked the plans on Monday.\n\n“We will not be complacent about this election,” the prime minister said.';
    expect(speakerOf(other, 'We will not be complacent')).toBe('prime minister');
    expect(speakerOf('“The figures are disappointing for us,” France’s finance minister said.', 'The figures')).toBe('France’s finance minister');
    expect(speakerOf('“No one was hurt in the incident,” a bank spokesman told the BBC.', 'No one was hurt')).toBe('bank spokesman');
    expect(speakerOf('Output rose by 1.7% last year, the statistical office said.', 'Output rose')).toBe('statistical office');
  });

  it('does not give "the prime minister" to the deputy prime minister', () => {
    const text = 'Deputy Prime Minister John Prescott visited the flooded towns.\n\n“This is a disaster for the whole region,” the prime minister said.';
    expect(speakerOf(text, 'This is a disaster')).toBe('prime minister');
  });
});

describe('shares and partitives', () => {
  it('gives a share of people to the people, not to "of ..."', () => {
    expect(speakerOf('Just 28 percent of voters said the decision was “the right one”, the poll found.', 'the right one')).toBe('voters');
    expect(speakerOf('The board of directors said the bid “undervalued the company”.', 'undervalued')).toBe('directors');
    expect(speakerOf('“He is a liar,” one of the experts said.', 'He is a liar')).toBe('experts');
  });
});

describe('introductory phrases', () => {
  it('takes a described subject after an introductory phrase, not a name inside the phrase', () => {
    expect(parse('Sooner or later, the New Jersey governor')).toMatchObject({ kind: 'description', name: 'New Jersey governor' });
    expect(speakerOf('However, on Thursday, the group said the deal “was off”.', 'was off')).toBe('group');
    // A name before the comma is the subject, the description its appositive.
    expect(parse('Dmitry Peskov, the Kremlin spokesman')).toMatchObject({ name: 'Dmitry Peskov' });
    expect(parse('Paul Hofheinz of the Lisbon Council, a Brussels-based citizen action group')).toMatchObject({ name: 'Paul Hofheinz' });
  });
});

describe('surname mentions and their order', () => {
  it('files later surname-only mentions under the full name, in body order', () => {
    const text =
      'Russian President Vladimir Putin met Chancellor Angela Merkel on Friday.\n\n' +
      'Putin said the talks went well. Merkel disagreed, and Putin left early. Mr Obama, Mrs Merkel and Pope Francis were not there.';
    const entities = new ArticleEntities(text);
    learnNames(text, entities);
    const putin = [...entities.all].find((e) => e.name === 'Vladimir Putin')!;
    expect(putin.mentions).toEqual([text.indexOf('Vladimir'), text.indexOf('Putin said'), text.indexOf('Putin left')]);
    const offsets = entities.personMentions.map((m) => m.offset);
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
    expect(entities.personMentions.filter((m) => m.entity.name === 'Angela Merkel').map((m) => m.offset)).toEqual([text.indexOf('Angela'), text.indexOf('Merkel disagreed'), text.indexOf('Merkel and')]);
  });

  it('merges two ordered runs as a stable sort would, and sorts anything else', () => {
    const two = [1, 4, 9, 2, 4, 10].map((offset, k) => ({ offset, k }));
    sortInPlace(two, byOffset);
    expect(two.map((m) => m.k)).toEqual([0, 3, 1, 4, 2, 5]);
    const three = [5, 1, 3, 0].map((offset, k) => ({ offset, k }));
    sortInPlace(three, byOffset);
    expect(three.map((m) => m.k)).toEqual([3, 1, 2, 0]);
  });

  it('reads gender from the head of a role before its preposition, in any script', () => {
    const entities = new ArticleEntities('Jane Doe and Jan Kowalski spoke. Ana Ruiz too.');
    expect(entities.add('Jane Doe', 'person', 0, ['Spokeswoman for the mayor']).gender).toBe('female');
    expect(entities.add('Jan Kowalski', 'person', 13, ['the company’s “spokesman”']).gender).toBe('male');
    expect(entities.add('Ana Ruiz', 'person', 33, ['chairman of the board OF Señoras']).gender).toBe('male');
  });
});

describe('tokens of a whole body', () => {
  const ascii =
    "Gov. Pat McCrory (R) told U.S. reporters on Friday: the state's al-Assad-era rules, set in 2015-16, were \"over\". Mr. O'Neill, 57, disagreed; the IMF's chief e-mailed Sen. J.R.R. Tolkien at 10.30 a.m. iPhone users and GOP voters shrugged.\n\nNATO said so.";
  /** The tokens of a body scanned character by character (no index), then read from its bytes (indexed). */
  const bothWays = (body: string) => {
    const fields = (t: Token) => [t.text, t.start, t.end, t.low, t.cap];
    const scanned = tokenize(body, 0, body.length).map(fields);
    indexTokens(body);
    try {
      return { scanned, indexed: tokenize(body, 0, body.length).map(fields) };
    } finally {
      indexTokens(null);
    }
  };

  it('reads an all-ASCII body from its bytes into the same tokens as the character scan', () => {
    const { scanned, indexed } = bothWays(ascii);
    expect(indexed).toEqual(scanned);
    expect(indexed.map((t) => t[0])).toContain('U.S.');
    expect(indexed.map((t) => t[0])).toContain('a.m.');
  });

  it('keeps the offsets of characters beyond ASCII in step with the bytes', () => {
    const body =
      'Émile Zola’s café, “Señor” Núñez and São Paulo’s mayor — £5m, 5 €, naïve élan. Ünal said: ‘no’. The 𝐀𝐁 fund and 😀 fans; Dvořák’ and Wałęsa ' +
      '\ud800 lone \udc00 halves\u00a0and no-break spaces. ' +
      ascii;
    const { scanned, indexed } = bothWays(body);
    expect(indexed).toEqual(scanned);
    expect(indexed.map((t) => t[0])).toEqual(expect.arrayContaining(['Émile', 'Zola’s', 'Núñez', 'Dvořák’', 'Wałęsa', 'lone', 'McCrory', 'NATO']));
  });
});

describe('finding an entity by any kind of name', () => {
  it('finds what the person, organisation and group look-ups find in turn', () => {
    const text =
      'Russian President Vladimir Putin met Chancellor Angela Merkel and Bill Clinton on Friday. Hillary Clinton stayed home.\n\n' +
      'The Kremlin said the talks went well, officials said. Mr Putin left early.';
    const entities = new ArticleEntities(text);
    learnNames(text, entities);
    entities.add('the Kremlin', 'organisation', text.indexOf('The Kremlin'), [], 'The Kremlin');
    entities.add('BBC', 'organisation', 0);
    entities.add('officials', 'group', text.indexOf('officials'));
    entities.add('Smith', 'person', 0);
    const names = ['Vladimir Putin', 'Putin', 'putin', 'Mr Putin', 'Merkel', 'Clinton', 'Hillary Clinton', 'Chelsea Clinton', 'the Kremlin', 'The Kremlin', 'BBC', 'bbc', 'officials', 'Officials', 'Smith', 'John Smith', 'nobody', 'the spokesman'];
    for (const name of names) {
      const chain = entities.findByName(name, 'person') ?? entities.findByName(name, 'organisation') ?? entities.findByName(name, 'group');
      expect(entities.findByAnyName(name), name).toBe(chain);
    }
    expect(entities.findByAnyName('officials')?.kind).toBe('group');
    expect(entities.findByAnyName('Putin')?.name).toBe('Vladimir Putin');
    expect(entities.findByAnyName('nobody')).toBeUndefined();
  });
});
