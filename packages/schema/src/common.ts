import { z } from 'zod';

/** A half-open character range [start, end) into an article's clean body, in UTF-16 code units (JavaScript string indices). */
export const Span = z
  .object({
    start: z.int().min(0).describe('Offset of the first character, counted in UTF-16 code units from the start of the clean body.'),
    end: z.int().min(0).describe('Offset one past the last character (half-open range), so body.slice(start, end) is the text.'),
  })
  .refine((s) => s.end >= s.start, { message: 'end must not be before start', path: ['end'] })
  .describe('A half-open [start, end) character range into the clean body of one article.');
export type Span = z.infer<typeof Span>;

/** Stable content-hash identifiers: a short prefix naming the record kind, an underscore, 16 hex digits. */
export const idPattern = /^[a-z]{2,4}_[0-9a-f]{16}$/;
export const Id = z.string().regex(idPattern).describe('Stable identifier: a record-kind prefix and a 64-bit content hash in hex, e.g. "art_3f2a9c0d11e4b7a2". The same input always yields the same id.');
export type Id = z.infer<typeof Id>;

/** Calendar date without time, e.g. 2015-09-15. */
export const IsoDate = z.iso.date().describe('A calendar date, ISO 8601 (YYYY-MM-DD).');
/** Instant with offset, e.g. 2015-09-15T10:00:00Z. */
export const IsoDateTime = z.iso.datetime({ offset: true }).describe('An instant, ISO 8601 with a UTC offset or Z.');
/** Either a calendar date or an instant: sources give one or the other. */
export const DateOrDateTime = z
  .union([IsoDate, IsoDateTime])
  .describe('A calendar date (YYYY-MM-DD) or an instant (ISO 8601 with offset), whichever the source supports.');

/** A run of text in an article with its place. */
export const Mention = z
  .object({
    text: z.string().describe('The text exactly as it appears in the clean body.'),
    span: Span.describe('Where the text sits in the clean body.'),
  })
  .describe('A piece of the clean body: its text and its span.');
export type Mention = z.infer<typeof Mention>;
