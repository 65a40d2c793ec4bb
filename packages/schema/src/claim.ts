import { z } from 'zod';
import { Id, IsoDate, Mention, Span } from './common.js';

export const QuantityQualifier = z
  .enum(['exact', 'approximate', 'more-than', 'less-than', 'at-least', 'at-most', 'range'])
  .describe('How the number is hedged: "more than 250,000" is more-than, "about half-a-dozen" approximate.');
export type QuantityQualifier = z.infer<typeof QuantityQualifier>;

export const Quantity = z
  .object({
    text: z.string().describe('The quantity as written, e.g. "more than 250,000 people".'),
    span: Span.describe('Where the quantity sits in the clean body.'),
    value: z.number().describe('The normalised number: "half-a-dozen" is 6, "4 million" is 4000000, a range gives its low end.'),
    high: z.number().nullable().describe('The upper end of a range ("between 10 and 20" gives 20), else null.'),
    qualifier: QuantityQualifier,
    unit: z.string().nullable().describe('What is counted or measured, e.g. "people", "tanks", "miles", "percent", "USD", or null.'),
  })
  .describe('A number in a claim, normalised.');
export type Quantity = z.infer<typeof Quantity>;

export const DatePrecision = z.enum(['day', 'month', 'year']).describe('How precise a resolved date is.');

export const ResolvedDate = z
  .object({
    text: z.string().describe('The date expression as written, e.g. "Monday", "on 14 September", "last Wednesday".'),
    span: Span.describe('Where the expression sits in the clean body.'),
    date: IsoDate.nullable().describe('The calendar date it resolves to against the article date (precision tells which parts count), or null when unresolvable.'),
    precision: DatePrecision,
    relative: z.boolean().describe('True when the expression is relative to the article date ("Monday", "last week").'),
  })
  .describe('A date expression in a claim and the calendar date it refers to.');
export type ResolvedDate = z.infer<typeof ResolvedDate>;

export const ClaimKind = z
  .enum(['quantity', 'event', 'attributed', 'assertion'])
  .describe('quantity: the claim turns on a number; event: a dated happening; attributed: a fact credited to a source ("according to ..."); assertion: another checkable statement.');
export type ClaimKind = z.infer<typeof ClaimKind>;

export const Attribution = z
  .object({
    name: z.string().min(1).describe('Who the claim is attributed to, resolved, e.g. "U.N. statistics", "Stratfor", "Vladimir Putin".'),
    entityId: Id.nullable().describe('The Entity the source resolves to, or null.'),
    mention: Mention.nullable().describe('Where the source is named in the body, or null.'),
  })
  .describe('The source a claim is credited to.');
export type Attribution = z.infer<typeof Attribution>;

export const Claim = z
  .object({
    id: Id.describe('Claim id: "clm_" and a hash of the article id, span and text.'),
    articleId: Id.describe('The article the claim appears in.'),
    text: z.string().describe('The claim sentence or clause; equals body.slice(span.start, span.end).'),
    span: Span.describe('Where the claim sits in the clean body.'),
    kind: ClaimKind,
    quantities: z.array(Quantity).describe('The numbers the claim states, normalised.'),
    dates: z.array(ResolvedDate).describe('The dates the claim mentions, resolved against the article date.'),
    attribution: Attribution.nullable().describe('Who the claim is credited to, or null when the outlet asserts it in its own voice.'),
    cue: Mention.nullable().describe('The attribution cue ("according to", "said", "suggests"), or null.'),
    quoteId: Id.nullable().describe('The quote that carries this claim, when the claim is made inside reported speech, else null.'),
    clusterId: Id.nullable().describe('The ClaimGroup of claims about the same fact in other articles, or null.'),
  })
  .describe('A checkable assertion: a number, a dated event, or a fact credited to a source.');
export type Claim = z.infer<typeof Claim>;

