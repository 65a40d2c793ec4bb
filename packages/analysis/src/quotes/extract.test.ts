import { Quote } from '@parallax/schema';
import { describe, expect, it } from 'vitest';
import { articleFromText, corpusArticle } from '../../test/corpus.js';
import { extractQuotes } from './extract.js';
import { parseSourcePhrase } from './speakers.js';

const parseSourcePhraseName = (s: string) => parseSourcePhrase(s, 0, s.length)?.name;

const SEEDS = ['000_fbc55344481ad475.txt', '001_10204aad8015e45e.txt', '002_e35b04c16b54d2ab.txt', '003_e86d819293a394bf.txt', '004_87197f165af4f63c.txt'];

function quotesOf(file: string) {
  const article = corpusArticle(file);
  return { article, quotes: extractQuotes(article).quotes };
}

const find = (quotes: Quote[], start: string) => quotes.find((q) => q.text.startsWith(start) || q.segments.some((s) => q.text.slice(s.start - q.span.start).startsWith(start)));

describe('extractQuotes on the seed story', () => {
  // Every direct quote of the five seed articles, with its speaker.
  const direct: Array<[string, string, string]> = [
    ['000_fbc55344481ad475.txt', 'We give technical-military support to Damascus', 'Vladimir Putin'],
    ['000_fbc55344481ad475.txt', 'Extremists from many countries of the world', 'Vladimir Putin'],
    ['000_fbc55344481ad475.txt', 'Russia, as you know, has proposed to form a wide coalition', 'Vladimir Putin'],
    ['000_fbc55344481ad475.txt', 'If Russia had not supported Syria, the situation', 'Vladimir Putin'],
    ['002_e35b04c16b54d2ab.txt', 'We support the government of Syria in its opposition', 'Vladimir Putin'],
    ['002_e35b04c16b54d2ab.txt', 'Russia’s support for Assad has lengthened the war', 'Badr Jamous'],
    ['002_e35b04c16b54d2ab.txt', 'If Russia had not supported Syria, then the situation', 'Vladimir Putin'],
    ['002_e35b04c16b54d2ab.txt', 'We must sideline geopolitical ambitions', 'Vladimir Putin'],
    ['003_e86d819293a394bf.txt', 'We are supporting the government of Syria in the fight', 'Vladimir Putin'],
    ['003_e86d819293a394bf.txt', 'We have seen indications in recent days', 'Jeff Davis'],
    ['003_e86d819293a394bf.txt', 'Clearly, one of the concerns we have is de-confliction', 'Jeff Davis'],
    ['004_87197f165af4f63c.txt', 'To say we\'re ready to do this today', 'Vladimir Putin'],
    ['004_87197f165af4f63c.txt', 'We really want to create some kind of an international coalition', 'Vladimir Putin'],
    ['004_87197f165af4f63c.txt', 'To this end, we hold consultations with our American partners', 'Vladimir Putin'],
  ];
  it.each(direct)('%s: “%s…” is a direct quote by %s', (file, start, speaker) => {
    const { quotes } = quotesOf(file);
    const q = find(quotes, start);
    expect(q, start).toBeDefined();
    expect(q!.kind).toBe('direct');
    expect(q!.speaker?.name).toBe(speaker);
  });

  it('returns schema-valid quotes whose text and segments index into the body', () => {
    for (const file of SEEDS) {
      const { article, quotes } = quotesOf(file);
      expect(quotes.length).toBeGreaterThan(2);
      for (const q of quotes) {
        Quote.parse(q);
        expect(article.body.slice(q.span.start, q.span.end)).toBe(q.text);
        for (const s of q.segments) expect(s.start >= q.span.start && s.end <= q.span.end).toBe(true);
        if (q.speaker?.mention) expect(article.body.slice(q.speaker.mention.span.start, q.speaker.mention.span.end)).toBe(q.speaker.mention.text);
        if (q.cue) expect(article.body.slice(q.cue.span.start, q.cue.span.end)).toBe(q.cue.text);
      }
    }
  });

  it('keeps a quote interrupted by its attribution as one utterance in two segments', () => {
    const { article, quotes } = quotesOf('003_e86d819293a394bf.txt');
    const q = find(quotes, 'We are supporting the government of Syria')!;
    expect(q.segments).toHaveLength(2);
    expect(article.body.slice(q.segments[1]!.start, q.segments[1]!.end)).toMatch(/^Without an active participation .* from destruction\.$/);
    expect(q.cue?.text).toBe('said');
  });

  it('keeps two quotes apart when a second speech verb stands between them', () => {
    const { quotes } = extractQuotes(articleFromText('“We are going to resist the urge to trample civil liberties,” Josh Earnest said in the White House briefing. But he added, “We don’t want terrorists to have a safe haven in cyberspace.”'));
    expect(quotes.map((q) => [q.text, q.cue?.text, q.speaker?.name])).toEqual([
      ['We are going to resist the urge to trample civil liberties,', 'said', 'Josh Earnest'],
      ['We don’t want terrorists to have a safe haven in cyberspace.', 'added', 'Josh Earnest'],
    ]);
    const adding = extractQuotes(articleFromText('“They are not affiliated with the campaign,” Hope Hicks said, adding, “Mr. Trump is grateful for their support.”')).quotes;
    expect(adding.map((q) => [q.kind, q.text, q.cue?.text, q.speaker?.name])).toEqual([
      ['direct', 'They are not affiliated with the campaign,', 'said', 'Hope Hicks'],
      ['direct', 'Mr. Trump is grateful for their support.', 'adding', 'Hope Hicks'],
    ]);
  });

  it('gives a paragraph that continues the last speaker\'s quote to that speaker, as a segment of that quote', () => {
    const q = find(quotesOf('000_fbc55344481ad475.txt').quotes, 'Russia, as you know')!;
    expect(q.speaker?.name).toBe('Vladimir Putin');
    expect(q.segments.length).toBeGreaterThan(1);
  });

  it('goes on with a direct quote in the next paragraph when only its attribution comes between', () => {
    const text = '“We like a lot of the candidates, some more than the others,” Adelson said during the interview in Macau.\n\n“It’s changing every day. I saw in the news today that Trump said his percentage approval was 41 percent.”';
    const qs = extractQuotes(articleFromText(text)).quotes.filter((q) => q.kind === 'direct');
    expect(qs.length).toBe(1);
    expect(qs[0]!.segments.map((s) => text.slice(s.start, s.end).slice(0, 20))).toEqual(['We like a lot of the', 'It’s changing every ']);
    expect(qs[0]!.speaker?.name).toBe('Adelson');
    // Another sentence between them is no attribution: the quotes stay apart.
    const apart = '“We like a lot of the candidates,” Adelson said. He declined to name a favourite.\n\n“It’s changing every day. I saw in the news today that Trump said his approval was 41 percent.”';
    expect(extractQuotes(articleFromText(apart)).quotes.filter((q) => q.kind === 'direct').length).toBe(2);
  });

  it('resolves a relay: RIA Novosti quoted Mr Putin as saying', () => {
    const q = find(quotesOf('004_87197f165af4f63c.txt').quotes, 'To say we')!;
    expect(q.speaker?.name).toBe('Vladimir Putin');
    expect(q.speaker?.mention?.text).toBe('Mr Putin');
    expect(q.via?.name).toBe('RIA Novosti');
  });

  it('resolves descriptions and pronouns inside the article', () => {
    const q000 = quotesOf('000_fbc55344481ad475.txt').quotes;
    expect(find(q000, 'If Russia had not supported')!.speaker?.mention?.text).toBe('He');
    const partial = q000.find((q) => q.speaker?.mention?.text === 'The Russian president')!;
    expect(partial.speaker?.name).toBe('Vladimir Putin');
    expect(partial.kind).toBe('partial');
  });

  it('takes the name from an appositive and keeps the cue', () => {
    const q = find(quotesOf('003_e86d819293a394bf.txt').quotes, 'We have seen indications')!;
    expect(q.speaker?.mention?.text).toBe('Jeff Davis');
    expect(q.cue?.text).toBe('said');
  });

  it('finds reported speech: said that, told reporters, according to', () => {
    const q000 = quotesOf('000_fbc55344481ad475.txt').quotes;
    const peskov = q000.find((q) => q.text.startsWith('dialogue between Moscow and Washington'))!;
    expect(peskov).toMatchObject({ kind: 'indirect', speaker: { name: 'Dmitry Peskov' } });
    const q002 = quotesOf('002_e35b04c16b54d2ab.txt').quotes;
    expect(q002.find((q) => q.text.startsWith('The war in Syria has killed'))).toMatchObject({ kind: 'indirect', speaker: { name: 'U.N. statistics' }, cue: { text: 'according to' } });
    const q001 = quotesOf('001_10204aad8015e45e.txt').quotes;
    expect(q001.find((q) => q.text.startsWith('Russia had positioned about half-a-dozen tanks'))?.speaker?.name).toBe('Pentagon');
    const officials = q001.filter((q) => /^Russia\s+was\s+positioning\s+tanks/.test(q.text)).map((q) => q.speaker?.name ?? 'none');
    expect(officials.join('|')).toBe('U.S. officials');
  });
});

describe('extractQuotes on hand-made text', () => {
  it('reads every kind of quote mark and takes the speaker in either order', () => {
    const { quotes } = extractQuotes(articleFromText('«Nous restons,» said the minister, Jean Dupont.\n\n„Wir bleiben“, Angela Schmidt said.\n\n\'We stay,\' said Ann Lee.'));
    expect(quotes.map((q) => [q.text, q.speaker?.name])).toEqual([
      ['Nous restons,', 'Jean Dupont'],
      ['Wir bleiben', 'Angela Schmidt'],
      ['We stay,', 'Ann Lee'],
    ]);
  });

  it('keeps bracketed insertions and ellipses inside the quote', () => {
    const { quotes } = extractQuotes(articleFromText('“It [the coalition] should unite everyone … who is ready,” Maria Ortiz said.'));
    expect(quotes[0]).toMatchObject({ text: 'It [the coalition] should unite everyone … who is ready,', speaker: { name: 'Maria Ortiz' } });
  });

  it('does not mistake scare quotes or titles for speech', () => {
    const { quotes } = extractQuotes(articleFromText('The show “Saturday Night Live” aired a sketch about the “deal” on Friday.'));
    expect(quotes).toEqual([]);
  });

  it('attributes to an organisation and to a group', () => {
    const { quotes } = extractQuotes(articleFromText('“We are monitoring the situation closely,” the Pentagon said.\n\nU.S. officials said the deployment was larger than expected.'));
    expect(quotes.map((q) => q.speaker?.name)).toEqual(['Pentagon', 'U.S. officials']);
  });
});

describe('extractQuotes on attributions from political news (PolNeAR-style sentences)', () => {
  const speakers = (text: string) => extractQuotes(articleFromText(text)).quotes.map((q) => [q.kind, q.speaker?.name ?? null, q.cue?.text ?? null]);

  it('takes any described subject between a quote and its cue for the speaker', () => {
    expect(speakers('“There’s hatred like nobody has ever seen, and it’s coming out of the mosques,” the Republican presidential candidate said in a Thursday interview.')).toEqual([
      ['direct', 'Republican presidential candidate', 'said'],
    ]);
  });

  it('reads manner-of-speaking verbs next to a quote as its cue, after it or right before it', () => {
    expect(speakers('“It tells you that one of us is a candidate of the establishment,” Sanders remarked.')).toEqual([['direct', 'Sanders', 'remarked']]);
    expect(speakers('“Cruz could win the general election in a landslide,” Viguerie concludes.')).toEqual([['direct', 'Viguerie', 'concludes']]);
    expect(speakers('A flabbergasted Noah quipped, “It’s like a lawyer with the dumbest client ever.”')).toEqual([['direct', 'Noah', 'quipped']]);
    expect(speakers('"Jeb wants to be a tough guy tonight," Trump shot back.')).toEqual([['direct', 'Trump', 'shot back']]);
    expect(speakers('“Would it be negotiable about the 11 million?” Hannity pressed. “Maybe let some people stay?”')).toEqual([['direct', 'Hannity', 'pressed']]);
    // "went on to say" introduces what follows; the quote before it keeps its own speaker.
    expect(speakers('“It is well over a million dollars,” Tenney said. “It is close to two million.” She went on to say that it was unfair.')[0]).toEqual(['direct', 'Tenney', 'said']);
    // Alone, the same verbs report nothing: "He repeated the claim" is no quote.
    expect(speakers('The senator repeated the claim at every stop of the tour last week.')).toEqual([]);
  });

  it('lets a described subject report speech, whatever its head noun', () => {
    expect(speakers('The actress said she was tired of the status quo and wanted a different candidate.')).toEqual([['indirect', 'actress', 'said']]);
  });

  it('reads a clause-taking cue without "that" when a subject opens the clause', () => {
    expect(speakers('Mrs Clinton believes she can still win the nomination in June.')).toEqual([['indirect', 'Clinton', 'believes']]);
    expect(speakers('Mrs Clinton believes Trump will lose the general election.')).toEqual([['indirect', 'Clinton', 'believes']]);
    expect(speakers('Mrs Clinton believes the rumours about her health.')).toEqual([]);
  });

  it('takes the inverted subject after a cue, with lower-case modifiers or as a described person', () => {
    expect(speakers('“I fundamentally disagree,” said retired Army Lt. Gen. Mick Bednarek, who served as the chief U.S. military adviser in Iraq.')).toEqual([['direct', 'Mick Bednarek', 'said']]);
    expect(speakers('“We have a path to victory,” added his campaign manager Jeff Weaver, speaking to CNN.')).toEqual([['direct', 'Jeff Weaver', 'added']]);
    expect(speakers('“There is no home-state advantage,” said one unaligned Florida Republican strategist.')).toEqual([['direct', 'unaligned Florida Republican strategist', 'said']]);
    // An indefinite description is someone new, never a person named earlier.
    expect(speakers('Donald Trump spoke on Monday.\n\n“His knowledge is about 20 years old,” said a longtime adviser to Trump, who declined to be identified.')).toEqual([['direct', 'longtime adviser to Trump', 'said']]);
    // "said of X" names a topic; "told X" an addressee.
    expect(speakers('“They expect us to know this,” Terrie Rizzo, the Democratic chair of the county, said of the Clintons.')).toEqual([['direct', 'Terrie Rizzo', 'said']]);
  });

  it('takes the speaker after ", said" when content words come between the quote and the comma', () => {
    expect(speakers('"He can assert it, but it seems extremely unlikely" that Sanders can catch Clinton, said Steve Elmendorf, a Democratic strategist.')).toEqual([['direct', 'Steve Elmendorf', 'said']]);
    // Not when the cue opens a reported clause of its own: "said the new proposals “lacked compulsion”".
    expect(speakers('Jim Parton, from Families Need Fathers, said the new proposals "lacked compulsion".')).toEqual([['partial', 'Jim Parton', 'said']]);
  });

  it('takes the name among the comma-set parts of a subject before its cue, not a place, a tag or an adverb', () => {
    expect(speakers('Clinton, during a town hall meeting in Columbus, Ohio, said she was "going to put a lot of coal miners out of business."')).toEqual([['mixed', 'Clinton', 'said']]);
    expect(speakers('“Our assumption is that the veto will be overridden,” Senate Majority Leader Mitch McConnell, R-Ky., said.')).toEqual([['direct', 'Mitch McConnell', 'said']]);
    expect(speakers('The Turkish economics minister, Ali Babacan, said the two sides had reached "general agreement" on a new program.')).toEqual([['partial', 'Ali Babacan', 'said']]);
    expect(speakers('Separately, the world’s largest package delivery company, UPS, said it had placed "an order for ten jets" last week.')).toEqual([['mixed', 'UPS', 'said']]);
    expect(speakers('“We welcome the talks,” Andrew Ryder, of the Traveller Law Reform Coalition, said.')).toEqual([['direct', 'Andrew Ryder', 'said']]);
  });

  it('skips an opener set off by a comma, or a dateline, when the subject of a participle cue speaks', () => {
    expect(speakers('Hours later, Trump returned the compliment, telling reporters, “Sheldon and I have been friends for a long time.”')[0]?.[1]).toBe('Trump');
    expect(speakers('Like Corker, Menendez also rejected the notion, arguing that there is "flexibility for the administration" in the regime.').find((q) => q[2] === 'arguing')?.[1]).toBe('Menendez');
    expect(speakers('Speaking at a town hall event in Salem, New Hampshire, Trump went after Bush, calling him “a total stiff.”')[0]?.[1]).toBe('Trump');
    expect(speakers('WASHINGTON, Dec. 8 (UPI) — In response to the proposal, Senator Amy Lane rallied supporters, saying: “We have to be ready to stop him.”')[0]?.[1]).toBe('Amy Lane');
  });

  it('takes the subject of a participle cue from the start of its sentence, before an earlier quote', () => {
    expect(speakers('Donald Trump has delivered an impassioned defense of “New York values,” saying the city embodied the “bravery, heart and soul of America.”').find((q) => q[0] === 'mixed')?.[1]).toBe('Donald Trump');
    // A finite cue in the frame comes first: "Hollande said ..., noting" is Hollande's.
    expect(speakers('Trump’s “excesses” are sickening, Hollande said Tuesday in Paris, noting the Republican nominee “makes you want to retch.”').find((q) => q[2] !== null && q[1] !== null)?.[1]).toBe('Hollande');
  });

  it('gives a participle after ", X said," the subject of that finite cue, not the sentence\'s', () => {
    expect(speakers('Ryan and Trump will meet sometime next week, Spicer said, adding, "They need to sit down and have a good talk."').find((q) => q[0] === 'direct')).toEqual(['direct', 'Spicer', 'adding']);
    expect(speakers('Mateen didn\'t mingle but left as soon as prayers were finished, Nefzi said, adding, "He was not very religious."').find((q) => q[0] === 'direct')?.[1]).toBe('Nefzi');
    // An infinitive or a noun is no finite cue: "Continuing to explain ...", "makes claims".
    expect(speakers('Continuing to explain his perspective, Carson rejected the notion, saying that if he "found something that was rotten, I would fix it."')[0]?.[1]).toBe('Carson');
  });

  it('does not read an attribution in the sentence after a quote closed by a full stop', () => {
    expect(speakers('SMFG President Yoshifumi Nishikawa spoke to reporters. "Both companies need to strengthen retail," he said, adding that "it\'s an issue we have in common". Daiwa said that it was too early.').filter((q) => q[0] !== 'indirect').map((q) => q[1])).toEqual(['Yoshifumi Nishikawa', 'Yoshifumi Nishikawa']);
  });

  it('gives a quote with no cue, opening a sentence inside its paragraph, to the person the sentence before it is about', () => {
    const text = 'Bernie Sanders spoke first. "We will win this fight for working people across the country," Sanders said.\n\nHillary Clinton touted her credentials as an original co-sponsor of the legislation. "We need to find ways to support workers that want a union in their workplace to have fair elections."';
    expect(speakers(text).filter((q) => q[0] === 'direct').map((q) => q[1])).toEqual(['Bernie Sanders', 'Hillary Clinton']);
    // Not a capitalised opener that names no one in the article ("Growth ..."), nor after a sentence that quotes someone.
    expect(speakers('Bernie Sanders spoke first. "We will win this fight for working people," Sanders said.\n\nGrowth slowed sharply in the third quarter of the year. "We will win this fight for working people across the whole country."').map((q) => q[1])).toEqual(['Bernie Sanders', 'Bernie Sanders']);
  });

  it('takes the subject of a participle in an absolute phrase after "with"', () => {
    expect(speakers('Republicans were irritated about the lack of detail, with Sen. John McCain calling it a “Chinese menu.”')).toEqual([['mixed', 'John McCain', 'calling']]);
  });

  it('reads a manner-of-speaking verb right before its quote even after a stronger cue in the sentence', () => {
    expect(speakers('She said that experts had found her proposals strong, to which O\'Malley interjected: "It\'s just not true."').find((q) => q[0] === 'direct')).toEqual(['direct', 'O\'Malley', 'interjected']);
  });

  it('takes no speaker from a sentence after a quote that ends with a full stop, unless it is all attribution', () => {
    const text = '"This is a momentous day for the victims," said Bernie Banton, who leads a victims\' association. "There is still a long way to go, but we are getting there." Company chairwoman Meredith Hellicar said the deal was "affordable and workable".';
    expect(speakers(text)[1]).toEqual(['direct', 'Bernie Banton', null]);
    expect(speakers('"Mr. Trump embodies the lasting legacy of racism in the United States." — Sonya Herridge')).toEqual([['direct', 'Sonya Herridge', '—']]);
  });

  it('takes the name between a dash and a colon in a digest, not a word of its heading', () => {
    expect(speakers('The demographic interplay has been important for Republican contests - Philip Bump: “Two weeks ago, his strongest territory had been the South.”')).toEqual([['direct', 'Philip Bump', null]]);
    expect(speakers('Signs of momentum were there all along -More from Blumenthal and Cohen: “Data collected by our firm helps confirm that both issues were in play.”')[0]?.[1]).toBe('Cohen');
    // A clause is no name: "According to Mr Peston the prime minister said:".
    expect(speakers('According to Mr Peston the prime minister said: “Help me to get through the year and I will then stand down.”')[0]?.[1]).toBe('prime minister');
  });

  it('skips openers in a row before the subject of a participle cue', () => {
    expect(speakers('On Thursday, after remaining neutral throughout the primary process, Warren appeared with Rachel Maddow and endorsed Clinton, saying, “I think having a fighter in the lead is exactly what this country needs.”')).toEqual([['direct', 'Warren', 'saying']]);
  });

  it('reads an age as a description or skips it before a name', () => {
    expect(speakers('“Doping in sport is a criminal offence and should be treated as such,” the 30-year-old told the newspaper.')).toEqual([['direct', '30-year-old', 'told']]);
    expect(speakers('76-year-old Morton Blackwell, founder of the Leadership Institute, endorsed Cruz last week, saying he “has consistently demonstrated his deep commitment to conservative principles.”').find((q) => q[2] === 'saying')?.[1]).toBe('Morton Blackwell');
  });

  it('lets a paragraph-long quote continue a named speaker\'s reported speech in the paragraph before', () => {
    const text = '“The uncertainty of China’s future trajectory is the main concern,” Malaysian Defence Minister Hishammuddin Hussein said.\n\nAsh Carter said that for decades some critics had been predicting a U.S. withdrawal from the region, but this would not happen.\n\n“That’s because this region, which is home to nearly half the world’s population, remains the most consequential for America’s own security.”';
    expect(speakers(text).filter((q) => q[0] === 'direct').map((q) => q[1])).toEqual(['Hishammuddin Hussein', 'Ash Carter']);
    // A sentence adverb opens no name: "Instead, said Mr Doctorow, ..." is no speaker "Instead".
    expect(parseSourcePhraseName('However Bwalya')).toBe('Bwalya');
  });

  it('gives a passive question to the asker named after "by"', () => {
    expect(speakers('Rubio was asked by Fox Business moderator Gerard Baker whether his plan would risk “adding another expensive entitlement program to an already overburdened federal budget.”')[0]?.[1]).toBe('Gerard Baker');
  });

  it('does not take the subject of the reported clause for an inverted speaker', () => {
    expect(speakers('Even a top GOP strategist said Clinton will have to choose whose side she is on, saying, “At some point, she is going to have to come out on where she stands.”').map((q) => q[1])).not.toContain('Clinton');
    expect(speakers('In other words, explained CBS moderator Nancy Cordes: "What does that have to do with taking big donations?"')).toEqual([['direct', 'Nancy Cordes', 'explained']]);
  });

  it('does not take a heading in capitals for a speaker', () => {
    const [q] = extractQuotes(articleFromText('IOWA POLLS NOT NECESSARILY WRONG, JUST TOO EARLY: “Although the polls failed to predict the result, it isn’t because they were dead wrong.”')).quotes;
    expect(q?.kind).toBe('direct');
    expect(q?.speaker).toBeNull();
  });
});

describe('reported speech without quote marks', () => {
  const indirect = (text: string) =>
    extractQuotes(articleFromText(text)).quotes.filter((q) => q.kind === 'indirect').map((q) => ({ content: q.segments.map((s) => q.text.slice(s.start - q.span.start, s.end - q.span.start)), speaker: q.speaker?.name ?? null, cue: q.cue?.text ?? null }));

  it('reads a progressive cue as a finite one', () => {
    expect(indirect('Mayor Ann Reyes is warning residents that the river will flood by Sunday.')).toEqual([
      { content: ['residents that the river will flood by Sunday'], speaker: 'Ann Reyes', cue: 'warning' },
    ]);
  });

  it('lets an adverbial clause open the reported clause after "that,"', () => {
    expect(indirect('Governor Ann Reyes said that, if re-elected, she would cut the sales tax.')[0]).toMatchObject({ content: ['if re-elected, she would cut the sales tax'], speaker: 'Ann Reyes' });
  });

  it('takes a common-noun subject that opens the sentence', () => {
    expect(indirect('A Gallup survey shows that most voters distrust both parties.')[0]).toMatchObject({ content: ['most voters distrust both parties'], cue: 'shows' });
    expect(indirect('Economists at the central bank said the recovery would be slow.')[0]?.content).toEqual(['the recovery would be slow']);
  });

  it('ends the reported clause where a new clause with its own cue begins', () => {
    expect(indirect('Analysts said the merger would raise prices, citing the two firms\' share of the market.')[0]?.content).toEqual(['the merger would raise prices']);
    expect(indirect('His aides say it is too early to discuss a run but noted that he won two close races.')[0]?.content).toEqual(['it is too early to discuss a run']);
    expect(indirect('The ministry said the talks had failed; negotiators left the city on Friday.')[0]?.content).toEqual(['the talks had failed']);
  });

  it('reads an attribution set off by commas inside its content', () => {
    expect(indirect('The new bridge, a city spokeswoman said, will carry twice the traffic of the old one.')).toEqual([
      { content: ['The new bridge', 'will carry twice the traffic of the old one'], speaker: 'city spokeswoman', cue: 'said' },
    ]);
    expect(indirect('To fix the budget, Senator Mark Olsen said on Tuesday, the state must raise new revenue.')[0]).toMatchObject({ content: ['To fix the budget', 'the state must raise new revenue'], speaker: 'Mark Olsen' });
  });

  it('stops at a clause that follows the attribution on its own', () => {
    expect(indirect('The new rules are an insult to small farmers, rural lawmakers said Friday afternoon, as they gathered outside the capitol.')[0]?.content).toEqual(['The new rules are an insult to small farmers']);
  });

  it('takes an inverted speaker with an appositive at the end of the sentence', () => {
    expect(indirect('Most of the stations dropped the service within a year, said Jane Holt, a senior official with the broadcasting board.')[0]).toMatchObject({
      content: ['Most of the stations dropped the service within a year'],
      speaker: 'Jane Holt',
    });
  });

  it('reads the reported speech that opens a sentence before its quote', () => {
    const quotes = extractQuotes(articleFromText('She said parents who adopt would not be eligible, and when pressed on why, the candidate replied, “It is a first step.”')).quotes;
    expect(quotes.find((q) => q.kind === 'indirect')?.text).toBe('parents who adopt would not be eligible');
    expect(quotes.find((q) => q.kind === 'direct')?.text).toBe('It is a first step.');
  });

  it('attributes the object of a stance verb to its subject', () => {
    expect(indirect('The teachers union called for a moratorium on new charter schools in a statement on Thursday.')[0]).toMatchObject({ content: ['a moratorium on new charter schools'], cue: 'called' });
    expect(indirect('Senator Olsen cited rising rents as the main cause of homelessness after the vote.')[0]).toMatchObject({ content: ['rising rents as the main cause of homelessness'], speaker: 'Olsen' });
    expect(indirect('The governor wants to double the number of apprenticeships, expand night classes and cut fees.')[0]?.content).toEqual(['to double the number of apprenticeships, expand night classes and cut fees']);
  });

  it('prefers what a speaker said to the position a stance verb names, and keeps time words and adverbs out of the name', () => {
    const [q] = indirect('Mayor Ana Ruiz Tuesday strongly defended the new bus lanes, saying they had cut journey times by a fifth.');
    expect(q).toMatchObject({ content: ['they had cut journey times by a fifth'], speaker: 'Ana Ruiz' });
    // A stance object is a position, not words: it carries less confidence than speech.
    const stance = extractQuotes(articleFromText('Mayor Ana Ruiz on Tuesday defended the new bus lanes in a speech to the council.')).quotes[0];
    expect(stance?.speaker?.name).toBe('Ana Ruiz');
    expect(stance!.confidence).toBeLessThan(0.5);
  });

  it('does not take a participial opener or the clause after "he said" for an aside', () => {
    expect(indirect('Speaking in Lyon, France, where he was attending a summit of regional leaders, he said France would keep its troops in Mali.')[0]?.content).toEqual(['France would keep its troops in Mali']);
    expect(indirect('Commenting on reports that the plant will close, the company’s chairman said no decision had been taken.')).toEqual([
      { content: ['no decision had been taken'], speaker: 'company’s chairman', cue: 'said' },
    ]);
  });

  it('reads a clause after a verb of thinking or showing when a noun phrase and an auxiliary open it', () => {
    expect(indirect('Many economists believe meaningful debt relief is possible only in bankruptcy.')).toEqual([
      { content: ['meaningful debt relief is possible only in bankruptcy'], speaker: 'Many economists', cue: 'believe' },
    ]);
  });

  it('takes a verb of reporting or thinking at the end of the sentence, but not a first person thinking aloud', () => {
    expect(indirect('The deficit will shrink again next year, the Congressional Budget Office reported on Tuesday.')).toEqual([
      { content: ['The deficit will shrink again next year'], speaker: 'Congressional Budget Office', cue: 'reported' },
    ]);
    expect(indirect('Look out, I thought, here comes the parade.')).toEqual([]);
  });

  it('skips adverbs in -ly before the cue and reads relative and quantity subjects', () => {
    expect(indirect('Mayor Ann Reyes openly said that the council had lost its way.')).toEqual([{ content: ['the council had lost its way'], speaker: 'Ann Reyes', cue: 'said' }]);
    expect(indirect('Senator Ann Ruiz, who initially said she would back the bill, voted against it.')).toEqual([{ content: ['she would back the bill'], speaker: 'Ann Ruiz', cue: 'said' }]);
    // A passive names no speaker: "who were asked", "is thought to".
    expect(indirect('The tickets carried the names of the buyers, who were asked to bring identification such as a passport.')).toEqual([]);
    expect(indirect('Jackson is thought to have secured the most lucrative directing deal in history.')).toEqual([]);
    expect(indirect('Russia is said to oppose this view, believing that removal of Assad would lead to collapse.')).toEqual([]);
    expect(indirect('Some 22 percent said they would back the governor.')).toEqual([{ content: ['they would back the governor'], speaker: 'Some 22 percent', cue: 'said' }]);
    expect(indirect('The mayor said on Friday he would not run again.')[0]?.content).toEqual(['he would not run again']);
  });

  it('reads the question after a participial "asked", and a described subject after an introductory phrase', () => {
    expect(indirect('Asked whether he would run again, the mayor said he had not decided.')).toEqual([
      { content: ['whether he would run again'], speaker: null, cue: 'Asked' },
      { content: ['he had not decided'], speaker: 'mayor', cue: 'said' },
    ]);
    expect(indirect('Asked by reporters to respond to the criticism, Smith said nothing.')[0]).toEqual({ content: ['to respond to the criticism'], speaker: 'reporters', cue: 'Asked' });
    expect(indirect('The mayor said he would decide soon, when asked about his plans for the stadium.')).toEqual([
      { content: ['he would decide soon'], speaker: 'mayor', cue: 'said' },
      { content: ['his plans for the stadium'], speaker: null, cue: 'asked' },
    ]);
    // An adjunct may come between "asked" and its question.
    expect(indirect('Asked during a January debate why he trailed Hillary Clinton so badly among minority voters, Senator Bernie Sanders said he would gain ground.')[0]).toEqual({ content: ['why he trailed Hillary Clinton so badly among minority voters'], speaker: null, cue: 'Asked' });
    expect(indirect('Asked at a briefing Monday in Washington about Suu Kyi’s future role, the press secretary said little.')[0]?.content).toEqual(['Suu Kyi’s future role']);
  });

  it('reads what a poll or a record shows, a clause or a noun phrase, but not a TV show', () => {
    expect(indirect('The latest Reuters poll showed Trump leading the field with 31 percent of Republican voters.')).toEqual([
      { content: ['Trump leading the field with 31 percent of Republican voters'], speaker: 'latest Reuters poll', cue: 'showed' },
    ]);
    expect(indirect('He agreed to sell the estate to a developer in 2010, county records show.')).toEqual([{ content: ['He agreed to sell the estate to a developer in 2010'], speaker: 'records', cue: 'show' }]);
    expect(indirect('The network said the comedy show would return next spring.')[0]?.cue).toBe('said');
  });

  it('takes a name as the whole object of a stance verb, without the time adjunct, and no passive', () => {
    expect(indirect('Former governor Chris Christie endorsed Trump last week.')).toEqual([{ content: ['Trump'], speaker: 'Chris Christie', cue: 'endorsed' }]);
    expect(indirect('About three-quarters supported a temporary ban on new arrivals.')).toEqual([{ content: ['a temporary ban on new arrivals'], speaker: 'About three-quarters', cue: 'supported' }]);
    expect(indirect('The rebel group was backed by several foreign governments.')).toEqual([]);
    expect(indirect('Parents who refuse to allow former partners contact with their children could be electronically tagged.')[0]?.content).toEqual(['to allow former partners contact with their children']);
  });

  it('reads a name followed by a verb after ", said" as the subject of the reported clause, not the speaker', () => {
    expect(indirect('Mr. Coffman, who represents a swing district in the crucial Denver suburbs, said Mr. Trump had disrespected American troops.')).toEqual([
      { content: ['Mr. Trump had disrespected American troops'], speaker: 'Coffman', cue: 'said' },
    ]);
    expect(indirect('Gov. John Kasich of Ohio, a Republican who has refused to endorse Mr. Trump, said the Khan family deserved better.')[0]?.content).toEqual(['the Khan family deserved better']);
    expect(indirect('The deficit will keep growing, said Jane Doe, a senior official with the agency.')[0]?.speaker).toBe('Jane Doe');
  });

  it('reads every attribution of a sentence, each content ending where the next speaker begins', () => {
    expect(indirect('About four out of 10 voters said life for the next generation would be worse than life today, while nine in 10 said they thought the economy favors the wealthy.').map((q) => [q.content[0], q.cue])).toEqual([
      ['life for the next generation would be worse than life today', 'said'],
      ['they thought the economy favors the wealthy', 'said'],
    ]);
    expect(indirect('Podesta, who said the project was vetted by his firm’s counsel, said he was unaware of any such disagreements.').map((q) => q.content[0])).toEqual([
      'the project was vetted by his firm’s counsel',
      'he was unaware of any such disagreements',
    ]);
    expect(indirect('While Comey has said that he regularly makes recommendations on cases, Lewandowski said he does not do them publicly.').map((q) => [q.content[0], q.speaker])).toEqual([
      ['he regularly makes recommendations on cases', 'Comey'],
      ['he does not do them publicly', 'Lewandowski'],
    ]);
    // A coordinated cue takes the subject; the first verb's object is a position of its own.
    expect(indirect('The spokesman refused to answer questions on who would win but said there was no meeting planned with Trump.').map((q) => [q.cue, q.content[0]])).toEqual([
      ['refused', 'to answer questions on who would win'],
      ['said', 'there was no meeting planned with Trump'],
    ]);
  });

  it('does not split a content at a comma that opens an appositive or ends a clause inside it', () => {
    expect(indirect('Kiedis said his band and collaborator Brian Burton, AKA Danger Mouse, wrote a host of new songs for the upcoming album.').map((q) => q.content[0])).toEqual([
      'his band and collaborator Brian Burton, AKA Danger Mouse, wrote a host of new songs for the upcoming album',
    ]);
    expect(indirect("He did not rule out change in the future but said if Lord Dubs' private member's bill was passed by peers, he would urge MPs to oppose it in the Commons.").map((q) => q.content[0])).toEqual([
      "if Lord Dubs' private member's bill was passed by peers, he would urge MPs to oppose it in the Commons",
    ]);
  });

  it('reads the reported clause before a second cue that introduces a quote', () => {
    const { quotes } = extractQuotes(articleFromText('De Blasio said the move was made by the police commissioner and said, “Who are you going to trust on security?”'));
    expect(quotes.map((q) => [q.kind, q.text])).toEqual([
      ['indirect', 'the move was made by the police commissioner'],
      ['direct', 'Who are you going to trust on security?'],
    ]);
  });

  it('reads a participle after an attribution as more words of the same speaker', () => {
    expect(indirect('“This is not a hard race,” he said, citing Trump’s blue-collar appeal and Hillary Clinton’s unpopularity.')).toEqual([
      { content: ['Trump’s blue-collar appeal and Hillary Clinton’s unpopularity'], speaker: null, cue: 'citing' },
    ]);
    expect(indirect('Washington did not complain when China’s spending helped global growth, a Chinese official said, adding that the impact of closing factories was hard to estimate.').map((q) => [q.cue, q.content[0]])).toEqual([
      ['said', 'Washington did not complain when China’s spending helped global growth'],
      ['adding', 'the impact of closing factories was hard to estimate'],
    ]);
    // "commenting on ..." reports no words; a participial cue's subject is not always the sentence's.
    expect(indirect('“The rise reinforces the impression that the market is slowing,” said analyst Howard Archer, commenting on the figures.')).toEqual([]);
  });

  it('ends a content inside an opening subordinate clause at its comma, and keeps the subordinator out of the speaker', () => {
    expect(indirect('While critics argue that trading prisoners encourages others to target Americans, President Obama has deemed certain releases a reasonable trade-off.')).toEqual([
      { content: ['trading prisoners encourages others to target Americans'], speaker: 'critics', cue: 'argue' },
    ]);
    expect(indirect('While a group of liberal rabbis planned to protest at the conference, some Republicans may be warming to him.')[0]?.content).toEqual(['to protest at the conference']);
    expect(indirect('When Kashiya Nwanguma learned that Donald Trump would campaign in Louisville, she printed two signs.')[0]?.speaker).toBe('Kashiya Nwanguma');
  });

  it('reads a described speaker after a sentence-final content, and an aside after a short opener', () => {
    expect(indirect('The derogatory comments had two goals, the admiral said.')).toEqual([
      { content: ['The derogatory comments had two goals'], speaker: 'admiral', cue: 'said' },
    ]);
    expect(indirect('But even after the growth cooled, the borrowing continued.')).toEqual([]);
    expect(indirect('The goal, he said, is to forge a durable cease-fire that would halt the bombings of Aleppo.')[0]?.content).toEqual(['The goal', 'is to forge a durable cease-fire that would halt the bombings of Aleppo']);
    expect(indirect('Mrs. Clinton, analysts said, has other reasons for not being drawn out on Syria.')[0]).toMatchObject({ speaker: 'analysts', cue: 'said' });
    // A one-word opener before the aside: a noun or an adverb.
    expect(indirect('Survival, Mr. VandeHei says, depends on giving readers what they really want, how they want it, when they want it.')[0]).toMatchObject({ content: ['Survival', 'depends on giving readers what they really want, how they want it, when they want it'], speaker: 'VandeHei', cue: 'says' });
    expect(indirect('Otherwise, she said, countries may simply steal growth from one another.')[0]?.content).toEqual(['Otherwise', 'countries may simply steal growth from one another']);
  });

  it('reads a described subject with a prepositional tail before a speech verb', () => {
    expect(indirect('Some delegates at the convention in Philadelphia said they welcomed attention to the issue.')).toEqual([
      { content: ['they welcomed attention to the issue'], speaker: 'delegates', cue: 'said' },
    ]);
    expect(indirect('And until the announcement of the eventual shutdown, most of them said they had loved working for Carrier.')[0]?.content).toEqual(['they had loved working for Carrier']);
    expect(indirect('The almost casual circumstances of Manafort’s hiring added to the uncertainty of who ran what.')).toEqual([]);
    expect(indirect('In a survey, Democratic voters in West Virginia were asked a series of questions upon leaving the polls Tuesday.')).toEqual([]);
  });

  it('ends a reported clause before a comparison and before a coordinated clause with a subject of its own', () => {
    expect(indirect('Rubio said the real extremist on abortion is Hillary Clinton, and he railed against debate moderators for failing to bring up abortion.')[0]?.content).toEqual(['the real extremist on abortion is Hillary Clinton']);
    expect(indirect('The company says its larger army of researchers has helped it identify more than 2,400 billionaires, compared with Forbes’s 1,864.')[0]?.content).toEqual(['its larger army of researchers has helped it identify more than 2,400 billionaires']);
    // Without a comma "and he" may go on reporting the same speaker.
    expect(indirect('Sanders told a cheering crowd that he expects to win the primary and he is doing better against Trump than Clinton is.')[0]?.content).toEqual(['he expects to win the primary and he is doing better against Trump than Clinton is']);
  });

  it('reads the label of a title line that opens the text as the source of the statement after its colon', () => {
    expect(indirect('Newspaper: Defense secretary used personal email at Pentagon.\nA news report published Wednesday said so.')[0]).toEqual({ content: ['Defense secretary used personal email at Pentagon'], speaker: 'Newspaper', cue: ':' });
    expect(indirect('Clinton camp: Trump’s Islamaphobia threatens national security.\nThe campaign said so on Monday.')[0]?.content).toEqual(['Trump’s Islamaphobia threatens national security']);
    // A title that states nothing, a label that names no one, and a label further down the text.
    expect(indirect('DVD: Harry Potter and the Prisoner of Azkaban.\nThe film is out.').filter((q) => q.cue === ':')).toEqual([]);
    expect(indirect('The Latest: Cruz to give away engraved shotgun.\nThe senator will hold a raffle.').filter((q) => q.cue === ':')).toEqual([]);
    expect(indirect('The senator spoke on Monday.\nEditor’s note: Donald Trump regularly incites political violence.').filter((q) => q.cue === ':')).toEqual([]);
  });

  it('reads a name and a colon opening a headline or a transcript line as an attribution', () => {
    const text = 'Gingrich: Trump Must Decide If He Wants a Two-Pirate Ticket.\nNewt Gingrich said on Thursday that the choice was hard.';
    expect(indirect(text)[0]).toMatchObject({ content: ['Trump Must Decide If He Wants a Two-Pirate Ticket'], speaker: 'Newt Gingrich', cue: ':' });
    // A label that never comes back in the text, a "Q:" and a list of names are no one's words.
    expect(indirect('Revealed: Here Are The Conservatives The Establishment Has Blacklisted.\nThe list is long.').filter((q) => q.cue === ':')).toEqual([]);
    expect(indirect('Subs Not Used: Weaver, Onuoha, Flood.\nSubs Not Used: Butt, Harper, Milner.').filter((q) => q.cue === ':')).toEqual([]);
  });

  it('reads what a speaker was referring to after the attribution', () => {
    const qs = extractQuotes(articleFromText('“We have to awaken and energize the body of Christ,” he said, referring to faith-driven voters.')).quotes;
    expect(qs.find((q) => q.cue?.text === 'referring')?.text).toBe('faith-driven voters');
    const rs = indirect('Trump said things would be wrapped up by Cleveland, referring to the party’s July convention, where Republicans will select a nominee.');
    expect(rs.find((q) => q.cue === 'referring')?.content).toEqual(['the party’s July convention']);
  });

  it('reads a stance verb whose subject head has a prepositional tail', () => {
    expect(indirect('On Tuesday, both of Trump’s remaining rivals for the GOP nomination criticized his handling of the incident.')).toEqual([
      { content: ['his handling of the incident'], speaker: 'both', cue: 'criticized' },
    ]);
  });

  it('reads the people a poll asked and a share in words as speakers', () => {
    expect(indirect('By 58%-33%, those surveyed said the group’s funding shouldn’t be eliminated.')).toEqual([
      { content: ['the group’s funding shouldn’t be eliminated'], speaker: 'those surveyed', cue: 'said' },
    ]);
    expect(indirect('Two in three said they are less likely to vote Republican in November.')[0]?.speaker).toBe('Two in three');
    expect(indirect('There is less consensus on terrorism: 47% say the United States should commit troops on the ground.')[0]?.content).toEqual(['the United States should commit troops on the ground']);
  });

  it('reads "told" with a pronoun addressee, a contracted subject or a long addressee before "that"', () => {
    expect(indirect('Calabrese told the National Post he’s already received hundreds of emails from Americans.')[0]?.content).toEqual(['he’s already received hundreds of emails from Americans']);
    expect(indirect('Murphy told me he’s had a relatively tragedy-free life.')[0]).toMatchObject({ content: ['he’s had a relatively tragedy-free life'], speaker: 'Murphy' });
    expect(indirect('Wilson told The Post and Courier newspaper of Charleston on Saturday that he cast his ballot for Rubio.')[0]?.content).toEqual(['he cast his ballot for Rubio']);
  });

  it('reads a description headed by a party word or carrying an age as a speaker', () => {
    expect(indirect('The Wisconsin Republican says in a statement that the president’s steps are certain to be challenged in the courts.')[0]?.content).toEqual(['the president’s steps are certain to be challenged in the courts']);
    expect(indirect('The 57-year-old scientist says she doesn’t take Holocaust comparisons lightly.')[0]?.content).toEqual(['she doesn’t take Holocaust comparisons lightly']);
  });

  it('reads reported speech in a sentence whose only quote is a scare quote no other rule took', () => {
    expect(indirect('G7 ministers called for more flexibility in exchange rates and said "excess volatility" would impede economic growth.')).toContainEqual(
      { content: ['"excess volatility" would impede economic growth'], speaker: 'G7', cue: 'said' },
    );
    expect(indirect('The 14-year-old said she was hoping to meet DiCaprio and Keanu Reeves but joked that "they are probably a little too old for me".')).toEqual([
      { content: ['she was hoping to meet DiCaprio and Keanu Reeves'], speaker: '14-year-old', cue: 'said' },
      { content: ['"they are probably a little too old for me"'], speaker: '14-year-old', cue: 'joked' },
    ]);
  });

  it('reads reported speech after a sentence’s quotes and their attribution, but not the attribution’s own adjuncts', () => {
    expect(indirect('Graham called both Trump and Democratic front-runner Hillary Clinton “crazy” and said the Republican party is bound to lose to Clinton if an alternative to Trump is not found.')).toEqual([
      { content: ['the Republican party is bound to lose to Clinton if an alternative to Trump is not found'], speaker: 'Graham', cue: 'said' },
    ]);
    expect(indirect('"We just don\'t think adoption is a game show," said Tommy Schenck, WRAZ-TV\'s general manager, though he said his decision had not been influenced by public protests.')).toEqual([
      { content: ['his decision had not been influenced by public protests'], speaker: 'Tommy Schenck', cue: 'said' },
    ]);
    expect(indirect('“I was happy about the decision,” Carson said of the ruling on Monday, as his campaign was announced.')).toEqual([]);
    expect(indirect('“Attaining earnings of $10 a share remains GM’s goal,” the company said, adding it believes it can achieve this in 2007.')).toEqual([
      { content: ['it believes it can achieve this in 2007'], speaker: 'company', cue: 'adding' },
    ]);
  });

  it('reads both sides of an "according to" aside after a short opener, but not the writer’s words after a whole clause', () => {
    expect(indirect('At the heart of the trouble, according to Dennis B. Ross, another former American special envoy, was a decision by Mr. Obama that he needed to establish distance from Israel.')[0]).toMatchObject({
      content: ['At the heart of the trouble', 'was a decision by Mr. Obama that he needed to establish distance from Israel'], cue: 'according to',
    });
    expect(indirect('Some average Americans would actually see their taxes go up under Trump’s plan, according to an analysis by Lily Batchelder, whose numbers the campaign disputes.')[0]?.content).toEqual(['Some average Americans would actually see their taxes go up under Trump’s plan']);
  });

  it('reads the clause after an adverbial between commas right after a speech verb', () => {
    expect(indirect('Republican presidential candidate Marco Rubio says, win or lose in Tuesday’s crucial Florida primary, he’s staying in the race.')).toEqual([
      { content: ['win or lose in Tuesday’s crucial Florida primary, he’s staying in the race'], speaker: 'Marco Rubio', cue: 'says' },
    ]);
    expect(indirect('Mrs. Clinton testified, for example, that she neither sent nor received emails marked classified.')[0]?.content).toEqual(['she neither sent nor received emails marked classified']);
    // A passive names no speaker ("A year after it was announced, no one had come ...").
    expect(indirect('A year after it was announced, no one had come to the U.S. under the program.')).toEqual([]);
  });

  it('reads a short described speaker with a possessive or a determiner after a sentence-final content', () => {
    expect(indirect('Hamdy, a mother of three and project manager at IBM, was also headed to Cairo, her friend said.')).toEqual([
      { content: ['Hamdy, a mother of three and project manager at IBM, was also headed to Cairo'], speaker: 'friend', cue: 'said' },
    ]);
    expect(indirect('In all, hackers compromised 12 FDIC workstations and 10 servers, the congressional report said.')[0]?.content).toEqual(['In all, hackers compromised 12 FDIC workstations and 10 servers']);
  });

  it('reads what a passive "is expected to" predicts, subject and all, up to its first comma', () => {
    expect(indirect('The White House is expected to sign the measure, potentially teeing up a new law by the end of the year.')).toEqual([
      { content: ['The White House is expected to sign the measure'], speaker: null, cue: 'is expected' },
    ]);
    expect(indirect('NCLB’s replacement, which the Senate is expected to vote on next week, returns significant power to the states.')[0]?.content).toEqual(['which the Senate is expected to vote on next week']);
    expect(indirect('He expected to win the state by a wide margin on Tuesday.')).toEqual([]);
  });

  it('reads the bare present of a verb of thinking, and realize, doubt, suspect and assume, before a clause', () => {
    expect(indirect('Strategists hope the efforts will help inoculate congressional candidates against association with Trump’s remarks.')[0]).toMatchObject({ content: ['the efforts will help inoculate congressional candidates against association with Trump’s remarks'], cue: 'hope' });
    expect(indirect('Many observers doubt they would take such a step.')[0]).toMatchObject({ content: ['they would take such a step'], cue: 'doubt' });
    expect(indirect('Mr. Obama realized the race would grind on interminably for three more months.')[0]).toMatchObject({ content: ['the race would grind on interminably for three more months'], cue: 'realized' });
    // "suspected of" is no thinking, and a hope with an article is a noun.
    expect(indirect('A Dutch-Moroccan man suspected of radical Islamist links has been charged.')).toEqual([]);
    expect(indirect('The only hope the Gulf States have now is for Washington to oppose the policy.')).toEqual([]);
  });

  it('reads the object of express, seek, talk about and speak about as a position', () => {
    expect(indirect('Other Republicans expressed cautious optimism that the Paris attack would snap voters out of it.')[0]).toMatchObject({ content: ['cautious optimism that the Paris attack would snap voters out of it'], speaker: 'Other Republicans', cue: 'expressed' });
    expect(indirect('Melania Trump brought some pizzazz to the proceedings as the Trump team sought to get the event back on track.')[0]).toMatchObject({ content: ['to get the event back on track'], cue: 'sought' });
    expect(indirect('Rihanna, who was honored with the Rockstar award, spoke about the importance of self-love and self-acceptance.')[0]?.content).toEqual(['the importance of self-love and self-acceptance']);
    // Without "about", talking and speaking name no topic ("spoke to reporters", "speaking in Spanish").
    expect(indirect('The senator spoke to reporters outside the chamber on Tuesday.')).toEqual([]);
  });

  it('reads the object of verbs of praise, blame, advice and discussion as a position', () => {
    expect(indirect('Rubio bemoaned the state of American politics on Tuesday night.')[0]).toMatchObject({ content: ['the state of American politics'], speaker: 'Rubio', cue: 'bemoaned' });
    expect(indirect('The commission recommended tightening the law so that the provocation defence cannot be used.')[0]?.cue).toBe('recommended');
    expect(indirect('Mr Blair hailed Labour’s achievement in using a strong economy to invest in public services.')[0]?.content).toEqual(['Labour’s achievement in using a strong economy to invest in public services']);
    expect(indirect('Sanders pushed for a $15 minimum wage at every stop in the state.')[0]).toMatchObject({ content: ['a $15 minimum wage at every stop in the state'], cue: 'pushed' });
    // A participle before a preposition modifies a noun.
    expect(indirect('Many of the issues discussed in Porto Alegre are talking points in Davos as well.')).toEqual([]);
  });

  it('reads what a poll found when the sentence opens with it', () => {
    expect(indirect('In an NBC News/Wall Street Journal poll released Monday, 50 percent of respondents chose Clinton while 40 percent chose Trump.')).toEqual([
      { content: ['50 percent of respondents chose Clinton while 40 percent chose Trump'], speaker: 'NBC News/Wall Street Journal poll', cue: 'In' },
    ]);
    expect(indirect('In a new Morning Consult poll, conducted March 11-13, 40 percent of likely Democratic voters back Sanders.')[0]?.content).toEqual(['40 percent of likely Democratic voters back Sanders']);
    // Not a report that someone wrote, nor any other opening "In".
    expect(indirect('In its pre-Budget report, Mr Brown surprised some City experts with a forecast.')).toEqual([]);
    expect(indirect('In a statement released on Monday, the company announced a new chief executive officer.').filter((q) => q.cue === 'In')).toEqual([]);
  });

  it('does not read a stance verb without its subject or its infinitive as an attribution', () => {
    expect(indirect('The plans for the new stadium were approved by the council last week.')).toEqual([]);
    expect(indirect('She wants a new car for her birthday.')).toEqual([]);
    expect(indirect('Support for the measure has grown since the spring.')).toEqual([]);
  });
});

describe('extractQuotes robustness', () => {
  it('handles an inverted attribution that ends the text right after its comma', () => {
    const { quotes } = extractQuotes(articleFromText('“We stay,” said the minister,'));
    expect(quotes[0]?.text).toBe('We stay,');
  });
});

describe('colon introductions', () => {
  const quotesOf = (body: string) => extractQuotes(articleFromText(body)).quotes.map((q) => [q.text, q.speaker?.name ?? null, q.cue?.text ?? null]);
  it('keeps each quote with the colon attribution before it, not the one after it that introduces the next quote', () => {
    expect(quotesOf('Education minister Ivan Lewis said: “We will continue to use creative ways of involving people.” Shadow Education Secretary Tim Collins said: “This is the wrong target.”')).toEqual([
      ['We will continue to use creative ways of involving people.', 'Ivan Lewis', 'said'],
      ['This is the wrong target.', 'Tim Collins', 'said'],
    ]);
    expect(quotesOf('Merkel said: “We will not give up on this plan.” She added: ‘It is a very good day for all of us here.’')).toEqual([
      ['We will not give up on this plan.', 'Merkel', 'said'],
      ['It is a very good day for all of us here.', 'Merkel', 'added'],
    ]);
    // An interrupted quote of one speaker still joins its parts.
    expect(quotesOf('“We will not give up on this plan,” Merkel said, “and we will win.”').map((q) => q[1])).toEqual(['Merkel']);
  });

  it('takes a described subject before a colon, past an opener with no comma', () => {
    expect(quotesOf('The chancellor told reporters: “We will not give up on this plan at all.”')[0]?.slice(1)).toEqual(['chancellor', 'told']);
    expect(quotesOf('On Monday the senator said: “We will not give up on this plan at all.”')[0]?.slice(1)).toEqual(['senator', 'said']);
    expect(quotesOf('Later the chancellor said that the plan would go ahead next year.')[0]?.slice(1)).toEqual(['chancellor', 'said']);
    // Not past a preposition: the critics speak, not the takeover.
    expect(quotesOf('Critics of the takeover said that the bid undervalued the club.')[0]?.slice(1)).toEqual(['Critics', 'said']);
  });
});

describe('relays', () => {
  const first = (body: string) => extractQuotes(articleFromText(body)).quotes[0]!;
  it('gives the words to the speaker and the relay to the outlet that reported them', () => {
    const told = first('“We will respond to any attack on our forces,” Mr Putin told the Financial Times on Tuesday.');
    expect([told.speaker?.name, told.via?.name]).toEqual(['Putin', 'Financial Times']);
    const according = first('“We will respond to any attack on our forces,” Mr Putin said, according to CNN.');
    expect([according.speaker?.name, according.via?.name]).toEqual(['Putin', 'CNN']);
    const radio = first('Mr Howard told BBC Radio 4’s Today programme the plans were “unworkable and unfair”.');
    expect([radio.speaker?.name, radio.via?.name]).toEqual(['Howard', 'BBC Radio 4']);
    // An addressee who is not an outlet relays nothing.
    expect(first('“We will respond to any attack on our forces,” Mr Putin told reporters in Moscow.').via).toBeNull();
  });

  it('never learns an outlet named by two capitalised words as a person ("BBC Sport")', () => {
    const { quotes, entities } = extractQuotes(articleFromText('“She must not lose faith in what has already been proven,” Hugh Richards told BBC Sport.'));
    expect([quotes[0]?.speaker?.name, quotes[0]?.via?.name]).toEqual(['Hugh Richards', 'BBC Sport']);
    expect([...entities.all].filter((e) => e.name === 'BBC Sport').map((e) => e.kind)).toEqual(['organisation']);
  });

  it('reads "quoted X as saying" before a colon, and its passive with "by"', () => {
    const colon = first('RIA Novosti quoted Mr Putin as saying: “We will respond to any attack on our forces.”');
    expect([colon.speaker?.name, colon.via?.name]).toEqual(['Putin', 'RIA Novosti']);
    const passive = first('Chief executive Geoff Dixon was quoted by The Australian newspaper as saying the carrier could no longer afford to remain “all-Australian”.');
    expect([passive.speaker?.name, passive.via?.name]).toEqual(['Geoff Dixon', 'Australian']);
    const bare = first('“The biggest health challenge we face is malaria,” the aid agency was quoted as saying.');
    expect([bare.speaker?.name, bare.via]).toEqual(['aid agency', null]);
  });
});

describe('conditions', () => {
  it('reads no report in a speech verb inside an "if" clause, but keeps a belief there', () => {
    const body = 'If I sit down this afternoon and write a brilliant graphics compression routine and it happens to be the same as the LZW algorithm, then I am in trouble under patent law.';
    expect(extractQuotes(articleFromText(body)).quotes).toEqual([]);
    const belief = extractQuotes(articleFromText('That is the very reason we need to stay engaged. If we thought they were secure, then we would not be there.')).quotes;
    expect(belief.map((q) => q.text)).toEqual(['they were secure']);
  });
});
