// Word lists for reading numbers in English news text. Kept apart from the matcher so the rules read
// as data; every entry is general English, none is tuned to one article.

import type { QuantityQualifier } from '@parallax/schema';

export const ONES: ReadonlyMap<string, number> = new Map([
  ['zero', 0], ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8],
  ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12], ['thirteen', 13], ['fourteen', 14], ['fifteen', 15],
  ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30], ['forty', 40],
  ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90],
]);

/** Words that multiply what precedes them ("two hundred", "4 million"). */
export const SCALES: ReadonlyMap<string, number> = new Map([
  ['hundred', 100], ['thousand', 1e3], ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
]);

/** Suffixes glued to digits: "1.2bn", "£3m", "5k". */
export const SCALE_SUFFIXES: ReadonlyMap<string, number> = new Map([
  ['k', 1e3], ['m', 1e6], ['mn', 1e6], ['mln', 1e6], ['bn', 1e9], ['b', 1e9], ['tn', 1e12], ['trn', 1e12],
  ['million', 1e6], ['billion', 1e9], ['trillion', 1e12],
]);

/** Measure suffixes glued to digits: "100km", "5kg". */
export const MEASURE_SUFFIXES: ReadonlySet<string> = new Set([
  'km', 'kg', 'mph', 'kph', 'cm', 'mm', 'ft', 'lb', 'lbs', 'mg', 'mw', 'gw', 'kw', 'kwh', 'gb', 'mb', 'tb', 'ml', 'sq', 'ha', 'g',
]);

/** Plural vague numbers: "hundreds of" is at least 200, "dozens of" at least 24. */
export const VAGUE_PLURALS: ReadonlyMap<string, number> = new Map([
  ['dozens', 12], ['hundreds', 100], ['thousands', 1e3], ['millions', 1e6], ['billions', 1e9], ['tens', 10], ['scores', 20],
]);

/** Second halves of hyphenated measures: "four-and-a-half-year", "12-year-old", "six-month". */
export const HYPHEN_MEASURES: ReadonlySet<string> = new Set([
  'year', 'month', 'week', 'day', 'hour', 'minute', 'second', 'mile', 'kilometre', 'kilometer', 'km', 'metre', 'meter',
  'foot', 'inch', 'storey', 'story', 'point', 'percent', 'seat', 'member', 'nation', 'man', 'person', 'strong', 'acre',
]);

export const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ['$', 'USD'], ['£', 'GBP'], ['€', 'EUR'], ['¥', 'JPY'], ['₹', 'INR'], ['₽', 'RUB'],
]);

export const CURRENCY_WORDS: ReadonlyMap<string, string> = new Map([
  ['dollars', 'USD'], ['dollar', 'USD'], ['euros', 'EUR'], ['euro', 'EUR'], ['sterling', 'GBP'], ['yen', 'JPY'],
  ['roubles', 'RUB'], ['rubles', 'RUB'], ['rupees', 'INR'], ['yuan', 'CNY'], ['usd', 'USD'], ['gbp', 'GBP'], ['eur', 'EUR'],
]);

/** Qualifiers written before the number, longest first when looked up by phrase. */
export const QUALIFIERS_BEFORE: ReadonlyMap<string, QuantityQualifier> = new Map<string, QuantityQualifier>([
  ['more than', 'more-than'], ['greater than', 'more-than'], ['over', 'more-than'], ['above', 'more-than'],
  ['upwards of', 'more-than'], ['in excess of', 'more-than'], ['just over', 'more-than'], ['well over', 'more-than'],
  ['at least', 'at-least'], ['no fewer than', 'at-least'], ['no less than', 'at-least'], ['a minimum of', 'at-least'],
  ['at most', 'at-most'], ['up to', 'at-most'], ['as many as', 'at-most'], ['as much as', 'at-most'],
  ['no more than', 'at-most'], ['a maximum of', 'at-most'], ['not more than', 'at-most'],
  ['fewer than', 'less-than'], ['less than', 'less-than'], ['under', 'less-than'], ['below', 'less-than'], ['just under', 'less-than'],
  ['about', 'approximate'], ['around', 'approximate'], ['nearly', 'approximate'], ['almost', 'approximate'],
  ['roughly', 'approximate'], ['approximately', 'approximate'], ['some', 'approximate'], ['an estimated', 'approximate'],
  ['estimated', 'approximate'], ['close to', 'approximate'], ['circa', 'approximate'], ['approx', 'approximate'],
  ['exactly', 'exact'], ['precisely', 'exact'],
]);

export const MONTH_WORDS: ReadonlySet<string> = new Set([
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
]);

export const TIME_WORDS: ReadonlySet<string> = new Set([
  'am', 'pm', 'a.m', 'p.m', 'gmt', 'bst', 'utc', 'et', 'edt', 'est', 'pt', 'pdt', 'cet', 'hrs', "o'clock",
]);

/**
 * Words that cannot be the counted noun after a number: function words, auxiliaries and common verbs
 * ("about 22 million have fled" has no unit).
 */
export const NOT_UNIT: ReadonlySet<string> = new Set(
  (
    'a an the this that these those and or but nor so yet if than then as at by for from in into of off on onto out over ' +
    'to up upon with within without about above across after against along among around before behind below beneath ' +
    'beside between beyond during except inside near since through throughout till toward towards under until via ' +
    'is are was were be been being am has have had having do does did will would shall should can could may might must ' +
    'ought who whom whose which what when where why how it its it\'s he she they them their his her him we us our you your ' +
    'i me my mine not no nor only just also too very more most less least such same other another each every all both ' +
    'either neither any some many much few several own said says say told tell according percent per cent while whereas ' +
    'because although though unless whether there here now ago later earlier before since yet still even already ' +
    'fled killed died left made came went got took gave saw found became remain remained remains including included ' +
    'or so plus minus times due ago apiece alone respectively last next previous strong'
  ).split(' '),
);

/** Words that describe rather than name what is counted: "five new buildings" counts buildings. */
export const ADJECTIVE_HINT: ReadonlySet<string> = new Set([
  'new', 'more', 'other', 'additional', 'extra', 'small', 'large', 'big', 'young', 'old', 'former', 'civilian', 'foreign',
  'armed', 'local', 'senior', 'heavy', 'light', 'major', 'minor', 'separate', 'different', 'full', 'square', 'cubic',
  'nautical', 'further', 'first', 'key', 'top', 'main', 'high', 'low', 'military', 'combat',
  'injured', 'wounded', 'dead', 'unarmed', 'registered', 'eligible', 'active', 'known', 'confirmed', 'suspected',
]);
