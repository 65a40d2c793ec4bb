import { z } from 'zod';
import { Id } from './common.js';

export const ClaimStatus = z
  .enum(['corroborated', 'contested', 'single-source'])
  .describe('corroborated: two or more outlets agree; contested: outlets disagree on a number, date or attribution; single-source: one outlet only.');
export type ClaimStatus = z.infer<typeof ClaimStatus>;

export const ClaimConflict = z
  .object({
    field: z.enum(['quantity', 'date', 'attribution']).describe('What the claims disagree on.'),
    sides: z
      .array(
        z
          .object({
            claimId: Id.describe('A claim on this side.'),
            value: z.string().describe('Its value, as a display string: "250000 people", "2015-09-14", "Stratfor".'),
          })
          .describe('One side of a conflict.'),
      )
      .min(2)
      .describe('Each claim with its value, so both sides can be shown.'),
  })
  .describe('A disagreement between claims about the same fact.');
export type ClaimConflict = z.infer<typeof ClaimConflict>;

export const ClaimGroup = z
  .object({
    id: Id.describe('ClaimGroup id: "cgr_" and a hash of its sorted claim ids.'),
    text: z.string().describe('The representative claim text.'),
    claimIds: z.array(Id).min(1).describe('The claims, in all articles, about this fact.'),
    articleIds: z.array(Id).min(1).describe('The articles that make the claim.'),
    outletIds: z.array(Id).describe('The distinct outlets that make the claim.'),
    corroboration: z.int().min(0).describe('Number of distinct outlets (or articles, when outlets are unknown) that make the claim.'),
    status: ClaimStatus,
    conflicts: z.array(ClaimConflict).describe('Where the claims disagree; empty when they agree.'),
  })
  .describe('Claims in several articles about one fact, with corroboration and conflicts.');
export type ClaimGroup = z.infer<typeof ClaimGroup>;
