// Word lists the attribution rules use. They name kinds of words (speech verbs, titles, honorifics),
// never the people or articles of any corpus.

const SPEECH_VERBS: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  add: ['add', 'adds', 'added', 'adding'],
  state: ['stated', 'stating'],
  claim: ['claims', 'claimed', 'claiming'],
  argue: ['argue', 'argues', 'argued', 'arguing'],
  warn: ['warn', 'warns', 'warned', 'warning'],
  note: ['notes', 'noted', 'noting'],
  insist: ['insist', 'insists', 'insisted', 'insisting'],
  explain: ['explain', 'explains', 'explained', 'explaining'],
  announce: ['announce', 'announces', 'announced', 'announcing'],
  report: ['reports', 'reported', 'reporting'],
  write: ['write', 'writes', 'wrote', 'writing'],
  tweet: ['tweets', 'tweeted', 'tweeting'],
  declare: ['declare', 'declares', 'declared', 'declaring'],
  comment: ['commented', 'commenting'],
  reply: ['replies', 'replied', 'replying'],
  respond: ['responded', 'responds'],
  ask: ['ask', 'asks', 'asked', 'asking'],
  acknowledge: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  confirm: ['confirm', 'confirms', 'confirmed', 'confirming'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  suggest: ['suggest', 'suggests', 'suggested', 'suggesting'],
  predict: ['predict', 'predicts', 'predicted', 'predicting'],
  promise: ['promised', 'promises', 'promising'],
  vow: ['vow', 'vows', 'vowed', 'vowing'],
  pledge: ['pledged', 'pledges', 'pledging'],
  urge: ['urge', 'urges', 'urged', 'urging'],
  assert: ['assert', 'asserts', 'asserted', 'asserting'],
  contend: ['contend', 'contends', 'contended', 'contending'],
  maintain: ['maintains', 'maintained'],
  stress: ['stressed', 'stresses', 'stressing'],
  emphasise: ['emphasised', 'emphasized', 'emphasises', 'emphasizes'],
  complain: ['complain', 'complains', 'complained', 'complaining'],
  concede: ['concede', 'concedes', 'conceded', 'conceding'],
  observe: ['observed', 'observes'],
  recall: ['recalled', 'recalls', 'recalling'],
  reveal: ['revealed', 'reveals', 'revealing'],
  testify: ['testified', 'testifies', 'testifying'],
  believe: ['believe', 'believes', 'believed'],
  think: ['think', 'thinks', 'thought'],
  agree: ['agreed', 'agrees'],
  caution: ['cautioned', 'cautions'],
  allege: ['allege', 'alleges', 'alleged', 'alleging'],
  conclude: ['concluded', 'concludes'],
  estimate: ['estimated', 'estimates'],
  indicate: ['indicate', 'indicated', 'indicates'],
  mention: ['mentioned', 'mentions'],
  repeat: ['repeated', 'repeats'],
  reiterate: ['reiterated', 'reiterates'],
  joke: ['joked', 'jokes'],
  continue: ['continued'],
  quote: ['quoted', 'quotes', 'quoting'],
  hint: ['hinted'],
  boast: ['boasted', 'boasts'],
  charge: ['charged'],
  counter: ['countered'],
  demand: ['demanded', 'demands'],
  learn: ['learned', 'learnt'],
  describe: ['described', 'describes'],
  call: ['called'],
  accuse: ['accused', 'accuses'],
  fear: ['fear', 'fears', 'feared'],
  worry: ['worry', 'worries', 'worried'],
  hope: ['hopes', 'hoped', 'hope'],
  expect: ['expects', 'expected', 'expect'],
  know: ['knows', 'knew', 'know'],
  understand: ['understands', 'understand', 'understood'],
  feel: ['feels', 'felt'],
  realize: ['realize', 'realizes', 'realized', 'realise', 'realises', 'realised'],
  // (Not "doubts", "suspects": plural nouns as often, "terror suspects".)
  doubt: ['doubt', 'doubted'],
  suspect: ['suspected'],
  assume: ['assume', 'assumes', 'assumed'],
  acknowledge2: ['conceded'],
  show: ['shows', 'showed', 'shown'],
  find: ['found', 'finds'],
  write2: ['posted'],
  decline: ['declined'],
  recount: ['recounted'],
  // Verbs that frame a quoted fragment without reporting speech: "calling it “disqualifying”".
  calling: ['calling', 'calls'],
  refer: ['refer', 'refers', 'referred', 'referring'],
  dub: ['dubbed', 'dubs', 'dubbing'],
  label: ['labeled', 'labelled', 'labels', 'labeling', 'labelling'],
  brand: ['branded', 'brands', 'branding'],
  term: ['termed', 'terms'],
  nickname: ['nicknamed'],
  praise: ['praised', 'praises', 'praising'],
  criticise: ['criticized', 'criticised', 'criticizes', 'criticises', 'criticizing', 'criticising'],
  denounce: ['denounced', 'denounces', 'denouncing'],
  mock: ['mocked', 'mocks', 'mocking'],
  slam: ['slammed', 'slams', 'slamming'],
  blast: ['blasted', 'blasts'],
  question: ['questioned', 'questions', 'questioning'],
  applaud: ['applauded', 'applauds'],
  echo: ['echoed', 'echoes', 'echoing'],
  promise2: ['promised'],
  remark: ['remarked'],
  shout: ['shouted', 'shouting', 'chanted', 'chanting'],
  describe2: ['describing', 'describe'],
  // Manner-of-speaking verbs: after a quote they name who spoke ("“...,” Trump answered.").
  answer: ['answered', 'answers'],
  retort: ['retorted', 'retorts'],
  quip: ['quipped', 'quips'],
  exclaim: ['exclaimed', 'exclaims'],
  react: ['reacted'],
  remember: ['remembered', 'remembers'],
  bark: ['barked'],
  snap: ['snapped'],
  scoff: ['scoffed'],
  muse: ['mused', 'muses'],
  lament: ['lamented', 'laments'],
  whisper: ['whispered'],
  yell: ['yelled'],
  scream: ['screamed'],
  interject: ['interjected'],
  fume: ['fumed'],
  gush: ['gushed'],
  sneer: ['sneered'],
  marvel: ['marveled', 'marvelled'],
  read: ['reads'],
};

/** Cues that frame a quoted fragment ("calling it “disqualifying”") but never introduce reported speech alone. */
export const FRAGMENT_CUES = new Set(['calling', 'call', 'refer', 'dub', 'label', 'brand', 'term', 'nickname', 'praise', 'criticise', 'denounce', 'mock', 'slam', 'blast', 'question', 'applaud', 'echo', 'remark', 'shout', 'describe', 'accuse']);

/** Inflected cue word -> base verb. */
export const CUE_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries(SPEECH_VERBS).flatMap(([base, forms]) => forms.map((f) => [f, base.replace(/\d$/, '')] as const)),
);

/** Cues that reliably introduce speech even without "that" (the rest need a clause after them). */
export const STRONG_CUES = new Set(['say', 'tell', 'add', 'state', 'claim', 'argue', 'warn', 'insist', 'explain', 'announce', 'declare', 'reply', 'respond', 'ask', 'acknowledge', 'admit', 'confirm', 'deny', 'write', 'tweet', 'note', 'comment', 'continue', 'quote', 'recall', 'testify', 'joke', 'concede', 'stress', 'emphasise', 'assert', 'contend', 'predict', 'urge']);

/**
 * Cues that name the speaker of the quote they follow ("“...,” Sanders remarked.", "“...,” reads the
 * editorial.") but are too loose to report speech on their own ("He repeated the claim", "the sign reads").
 */
export const AFTER_QUOTE_CUES = new Set(['remark', 'observe', 'complain', 'boast', 'counter', 'shout', 'reiterate', 'repeat', 'conclude', 'recount', 'hint', 'charge', 'answer', 'retort', 'quip', 'exclaim', 'react', 'remember', 'bark', 'snap', 'scoff', 'muse', 'lament', 'whisper', 'yell', 'scream', 'interject', 'fume', 'gush', 'sneer', 'marvel', 'read']);

/** Verbs of thinking, knowing and showing: they take a clause with no "that" ("polls show Trump is ahead"). */
export const CLAUSE_CUES = new Set(['realize', 'doubt', 'suspect', 'assume', 'believe', 'think', 'fear', 'worry', 'hope', 'expect', 'know', 'understand', 'feel', 'show', 'find', 'suggest', 'indicate', 'estimate', 'learn', 'conclude', 'reveal', 'report', 'allege']);

/** Verbs by which a poll or a record states something: what follows them, a clause or a noun phrase, is its finding ("the poll showed Trump leading"). */
export const EVIDENCE_CUES = new Set(['show', 'find', 'suggest', 'indicate', 'reveal']);

/** Cues that only count when a clause follows them ("believes that ..."), never as "X believes." at the end. */
export const THAT_CUES = new Set(['realize', 'doubt', 'suspect', 'assume', 'believe', 'think', 'fear', 'worry', 'hope', 'expect', 'know', 'understand', 'feel', 'show', 'find', 'suggest', 'indicate', 'estimate', 'learn', 'agree', 'conclude', 'reveal', 'report', 'allege', 'promise', 'vow', 'pledge', 'charge', 'maintain', 'observe', 'mention', 'repeat', 'reiterate', 'hint', 'boast', 'counter', 'demand', 'caution', 'complain', 'describe', 'call', 'accuse', 'decline', 'recount']);

/**
 * Verbs whose object states the subject's position: a noun phrase ("cited derogatory comments", "called
 * for a moratorium") or a to-infinitive ("wants to triple the program", "agreed to clean up the mines").
 * They attribute their object to the subject the way a speech verb attributes its clause.
 */
const OBJECT_VERBS: Record<string, string[]> = {
  cite: ['cite', 'cites', 'cited', 'citing'],
  criticise: ['criticize', 'criticise', 'criticizes', 'criticises', 'criticized', 'criticised', 'criticizing', 'criticising'],
  question: ['questioned', 'questioning'],
  defend: ['defend', 'defends', 'defended', 'defending'],
  // Not "attacks", "supports", "questions": plural nouns as often as verbs ("the Paris attacks").
  attack: ['attacked', 'attacking'],
  condemn: ['condemn', 'condemns', 'condemned', 'condemning'],
  praise: ['praises', 'praised', 'praising'],
  endorse: ['endorse', 'endorses', 'endorsed', 'endorsing'],
  oppose: ['oppose', 'opposes', 'opposed', 'opposing'],
  support: ['supported', 'supporting'],
  back: ['backed', 'backs'],
  prefer: ['prefer', 'prefers', 'preferred'],
  reject: ['reject', 'rejects', 'rejected', 'rejecting'],
  dismiss: ['dismisses', 'dismissed', 'dismissing'],
  blame: ['blames', 'blamed', 'blaming'],
  propose: ['propose', 'proposes', 'proposed', 'proposing'],
  mention: ['mentions', 'mentioned', 'mentioning'],
  urge: ['urge', 'urges', 'urged', 'urging'],
  demand: ['demanded', 'demanding'],
  accuse: ['accuses', 'accused', 'accusing'],
  welcome: ['welcomes', 'welcomed', 'welcoming'],
  denounce: ['denounces', 'denounced', 'denouncing'],
  want: ['want', 'wants', 'wanted', 'wanting'],
  plan: ['plans', 'planned', 'planning'],
  agree: ['agree', 'agrees', 'agreed', 'agreeing'],
  promise: ['promise', 'promises', 'promised', 'promising'],
  vow: ['vow', 'vows', 'vowed', 'vowing'],
  pledge: ['pledge', 'pledges', 'pledged', 'pledging'],
  refuse: ['refuse', 'refuses', 'refused', 'refusing'],
  decline: ['declines', 'declined', 'declining'],
  threaten: ['threaten', 'threatens', 'threatened', 'threatening'],
  hope: ['hopes', 'hoped', 'hoping'],
  intend: ['intend', 'intends', 'intended'],
  call: ['call', 'calls', 'called', 'calling'],
  point: ['points', 'pointed', 'pointing'],
  express: ['expressed', 'expresses', 'expressing'],
  seek: ['seek', 'seeks', 'sought', 'seeking'],
  talk: ['talked', 'talks', 'talking'],
  speak: ['spoke', 'speaks', 'speaking'],
  decry: ['decried', 'decries', 'decrying'],
  thank: ['thanked', 'thanking'],
  tout: ['touted', 'touts', 'touting'],
  bemoan: ['bemoaned', 'bemoans', 'bemoaning'],
  assail: ['assailed', 'assails', 'assailing'],
  laud: ['lauded', 'lauds', 'lauding'],
  hail: ['hailed'],
  portray: ['portrayed', 'portrays', 'portraying'],
  discuss: ['discussed', 'discusses', 'discussing'],
  highlight: ['highlighted', 'highlighting'],
  challenge: ['challenged'],
  request: ['requested'],
  encourage: ['encouraged', 'encourages'],
  remind: ['reminded', 'reminds'],
  assure: ['assured', 'assures'],
  champion: ['championed'],
  advocate: ['advocated'],
  recommend: ['recommended', 'recommends'],
  lament: ['lamented', 'laments'],
  mock: ['mocked', 'mocks'],
  slam: ['slammed', 'slams'],
  insult: ['insulted'],
  push: ['pushed', 'pushes', 'pushing'],
  favor: ['favored', 'favoured'],
};

/** Inflected object-taking cue -> base verb. */
export const OBJECT_CUE_WORDS: ReadonlyMap<string, string> = new Map(Object.entries(OBJECT_VERBS).flatMap(([base, forms]) => forms.map((f) => [f, base] as const)));

/** Object cues that need a particle before their object: "called for", "called on", "pointed to". */
export const OBJECT_CUE_PARTICLES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['call', new Set(['for', 'on'])],
  ['point', new Set(['to'])],
  ['talk', new Set(['about'])],
  ['push', new Set(['for'])],
  ['speak', new Set(['about'])],
]);

/** Object cues that take a to-infinitive only ("plans to", "refused to"); a noun object is something else ("plans a trip"). */
export const INFINITIVE_CUES = new Set(['want', 'plan', 'agree', 'promise', 'vow', 'pledge', 'refuse', 'decline', 'threaten', 'hope', 'intend']);

export const PRONOUNS = new Map<string, 'male' | 'female' | 'plural' | 'neuter' | 'first'>([
  ['he', 'male'], ['him', 'male'], ['his', 'male'],
  ['she', 'female'], ['her', 'female'],
  ['they', 'plural'], ['them', 'plural'], ['their', 'plural'],
  ['it', 'neuter'], ['its', 'neuter'],
  ['i', 'first'], ['we', 'first'],
]);

export const HONORIFICS = new Set(['mr', 'mrs', 'ms', 'miss', 'dr', 'sir', 'dame', 'lord', 'lady', 'mx', 'prof', 'professor', 'rev', 'fr']);

/** Words that make a capitalised run a title rather than part of a name. */
export const TITLE_WORDS = new Set(
  (
    'president vice prime minister ministers secretary spokesman spokeswoman spokesperson chancellor king queen prince princess pope ' +
    'chairman chairwoman chair director ambassador senator sen governor gov mayor sheriff judge justice attorney general gen lt col maj capt captain ' +
    'cmdr commander adm admiral sgt sergeant cpl pvt officer chief head leader deputy assistant undersecretary envoy representative rep ' +
    'congressman congresswoman councillor councilman councilwoman speaker premier emir sheikh ayatollah colonel major navy army air force ' +
    'foreign defense defence interior state treasury finance economy health justice homeland security press spokesmen nominee candidate ' +
    'founder ceo cfo coo executive manager president-elect mp lawmaker legislator commissioner inspector superintendent detective ' +
    'professor dr mr mrs ms analyst correspondent editor anchor host columnist author economist researcher fellow'
  ).split(' '),
);

/** Names of news outlets and agencies that are never a person's ("BBC Sport", "CNN Money", "Sky News"). */
export const OUTLET_BRANDS: ReadonlySet<string> = new Set(
  ('bbc cnn reuters ap afp upi tass ria novosti interfax xinhua nhk cctv abc nbc cbs msnbc cnbc npr pbs itv sky politico newsweek ' +
    'breitbart huffington').split(' '),
);

/** Head nouns of organisations. */
export const ORG_WORDS = new Set(
  (
    'agency ministry department company council coalition post times news novosti organization organisation party committee commission ' +
    'institute university bank group inc corp corporation service office government court tribune journal herald guardian telegraph ' +
    'press associated reuters network channel television radio foundation association union federation league alliance pentagon kremlin ' +
    'congress senate parliament administration board bureau center centre fund ltd llc plc club army navy police campaign team staff ' +
    'white house cabinet embassy mission forces military authorities magazine daily gazette observer review monitor'
  ).split(' '),
);

/** Plural or generic heads: speakers that are groups of people. */
export const GROUP_WORDS = new Set(
  (
    'officials sources source analysts diplomats experts critics residents witnesses people leaders observers aides advisers advisors ' +
    'investigators prosecutors lawmakers legislators activists supporters opponents protesters officers soldiers troops police doctors ' +
    'scientists researchers economists members democrats republicans voters authorities spokesmen spokespeople insiders allies ' +
    'militants rebels organizers organisers commentators reports polls pollsters surveys studies statistics figures data documents ' +
    // Documents speak for their authors: "the statement declares", "the ad says", "a poll found".
    'statement report ad advert advertisement email letter tweet post memo filing lawsuit complaint poll survey study editorial article transcript video release'
  ).split(' '),
);

/** The days of the week, lower case: the attribution rules' time words are built on them. */
export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;

/** Words that are never a speaker's name even when capitalised at a sentence start. */
export const NON_NAME_CAPS = new Set([
  ...(
    'the a an this that these those it its but and or so yet if when while as after before since because although though however ' +
    'meanwhile also still then there here in on at for with without from by of to into about over under during between among'
  ).split(' '),
  ...WEEKDAYS,
  ...'january february march april may june july august september october november december today yesterday tomorrow last next earlier later speaking asked according despite according one two three'.split(' '),
]);

/**
 * US states (and the capital's district): places, never people. "a congressman from Tennessee", "a senator
 * from New York" name where someone comes from; a run of capitalised words that is one of these is not a
 * person's name.
 */
export const US_STATES = new Set(
  (
    'alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois indiana iowa ' +
    'kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana nebraska nevada ' +
    'new_hampshire new_jersey new_mexico new_york north_carolina north_dakota ohio oklahoma oregon pennsylvania rhode_island ' +
    'south_carolina south_dakota tennessee texas utah vermont virginia washington west_virginia wisconsin wyoming district_of_columbia'
  )
    .split(' ')
    .map((s) => s.replace(/_/g, ' ')),
);
