import { z } from 'zod';
import { Id } from './common.js';

export const AlignmentOp = z
  .object({
    op: z.enum(['equal', 'insert', 'delete', 'replace']).describe('equal: both renderings have these words; insert: only the variant has them; delete: only the reference has them; replace: each has different words here.'),
    reference: z.string().describe('The reference rendering\'s words in this stretch ("" for insert).'),
    variant: z.string().describe('The variant\'s words in this stretch ("" for delete).'),
  })
  .describe('One stretch of a word-level alignment between two renderings.');
export type AlignmentOp = z.infer<typeof AlignmentOp>;

export const StatementVariant = z
  .object({
    quoteId: Id.describe('The quote that renders the statement in one article.'),
    articleId: Id.describe('The article of that quote.'),
    similarity: z.number().min(0).max(1).describe('Similarity of this rendering to the reference, from 0 to 1.'),
    ops: z.array(AlignmentOp).describe('Word-level alignment against the reference rendering: what this outlet added, dropped or changed.'),
  })
  .describe('One outlet\'s rendering of a statement, aligned with the reference rendering.');
export type StatementVariant = z.infer<typeof StatementVariant>;

export const Statement = z
  .object({
    id: Id.describe('Statement id: "stm_" and a hash of its sorted quote ids.'),
    speakerEntityId: Id.nullable().describe('The entity who made the statement, or null when unresolved.'),
    speakerName: z.string().nullable().describe('The speaker\'s canonical name, or null.'),
    text: z.string().describe('The reference rendering: the fullest direct quote of the utterance.'),
    referenceQuoteId: Id.describe('The quote used as the reference rendering.'),
    quoteIds: z.array(Id).min(1).describe('Every quote, in every article, that reports this utterance.'),
    articleIds: z.array(Id).min(1).describe('The articles that report it.'),
    variants: z.array(StatementVariant).describe('Every rendering except the reference, aligned word by word against it.'),
  })
  .describe('One utterance as several articles rendered it (translations, paraphrases, partial quotes).');
export type Statement = z.infer<typeof Statement>;
