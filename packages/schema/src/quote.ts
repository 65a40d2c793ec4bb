import { z } from 'zod';
import { Id, Mention, Span } from './common.js';

export const QuoteKind = z
  .enum(['direct', 'partial', 'mixed', 'indirect'])
  .describe('direct: whole sentences in quote marks; partial: a quoted fragment inside reported speech; mixed: reported speech that runs into a quotation; indirect: reported speech with no quote marks.');
export type QuoteKind = z.infer<typeof QuoteKind>;

export const SpeakerRef = z
  .object({
    name: z.string().min(1).describe('The resolved name of the speaker, e.g. "Vladimir Putin" even where the text says "he".'),
    entityId: Id.nullable().describe('The Entity the speaker resolves to, or null when unresolved.'),
    mention: Mention.nullable().describe('The mention in the body that names the speaker at this quote ("he", "Mr Putin", "a Pentagon spokesman"), or null when the quote continues an earlier speaker with no mention.'),
  })
  .describe('Who is reported as speaking, as resolved within the article.');
export type SpeakerRef = z.infer<typeof SpeakerRef>;

export const Quote = z
  .object({
    id: Id.describe('Quote id: "quo_" and a hash of the article id, span and text.'),
    articleId: Id.describe('The article this quote appears in.'),
    text: z.string().describe('The quote as it stands in the body, without its outer quote marks: body.slice(span.start, span.end). For an interrupted quote it runs from the first segment to the last.'),
    span: Span.describe('Where the quoted content sits in the clean body.'),
    kind: QuoteKind,
    segments: z
      .array(Span)
      .min(1)
      .describe('The parts of the quote inside quote marks, in order; one span equal to span for an uninterrupted quote. An attribution that interrupts a quote ("... ," he said. "...") lies between two segments. For indirect quotes, the whole span.'),
    speaker: SpeakerRef.nullable().describe('Who said it, or null when no speaker could be found.'),
    via: SpeakerRef.nullable().describe('Who relayed it, for "RIA Novosti quoted Mr Putin as saying": the speaker is Putin, via RIA Novosti; null otherwise.'),
    cue: Mention.nullable().describe('The cue that introduces the quote ("said", "told reporters", "according to"), or null.'),
    confidence: z.number().min(0).max(1).describe('How sure the extractor is of the attribution, from 0 to 1.'),
    clusterId: Id.nullable().describe('The Statement that groups this quote with other renderings of the same utterance, or null.'),
  })
  .describe('Something a person or organisation is reported to have said, with its attribution and its place in the text.');
export type Quote = z.infer<typeof Quote>;
