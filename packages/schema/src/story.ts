import { z } from 'zod';
import { Id, IsoDate } from './common.js';

export const TimelineEvent = z
  .object({
    date: IsoDate.describe('The day of the event.'),
    text: z.string().describe('What happened, from the claim that dates it.'),
    claimIds: z.array(Id).describe('The claims that date this event.'),
    articleIds: z.array(Id).describe('The articles that report it.'),
  })
  .describe('A dated event on a story\'s timeline.');
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const CoverageRow = z
  .object({
    kind: z.enum(['statement', 'claim-group']).describe('Whether the row is a Statement or a ClaimGroup.'),
    id: Id.describe('The Statement or ClaimGroup id.'),
    label: z.string().describe('Short text for the row.'),
    articleIds: z.array(Id).describe('The articles, among the story\'s, that report it; the others left it out.'),
  })
  .describe('One row of a coverage matrix: a statement or claim and who reported it.');
export type CoverageRow = z.infer<typeof CoverageRow>;

export const DigestLine = z
  .object({
    text: z.string().describe('An extractive sentence from the coverage.'),
    sourceId: Id.describe('The Statement or ClaimGroup it stands for.'),
    articleIds: z.array(Id).describe('The articles it cites.'),
    outletIds: z.array(Id).describe('The outlets it cites.'),
  })
  .describe('A line of a story digest, citing its outlets.');
export type DigestLine = z.infer<typeof DigestLine>;

export const Story = z
  .object({
    id: Id.describe('Story id: "sty_" and a hash of its sorted article ids.'),
    title: z.string().describe('A title for the story, from its articles\' headlines or lead sentences.'),
    articleIds: z.array(Id).min(1).describe('The articles about this event.'),
    outletIds: z.array(Id).describe('The distinct outlets that covered it.'),
    firstDate: IsoDate.nullable().describe('The earliest publication date among its articles, or null.'),
    lastDate: IsoDate.nullable().describe('The latest publication date among its articles, or null.'),
    timeline: z.array(TimelineEvent).describe('Dated events, in order.'),
    coverage: z.array(CoverageRow).describe('The coverage matrix: for each statement and claim group, who reported it.'),
    digest: z.array(DigestLine).describe('A short extractive digest of the best corroborated claims and statements.'),
  })
  .describe('Articles about one event, with its timeline, coverage matrix and digest.');
export type Story = z.infer<typeof Story>;
