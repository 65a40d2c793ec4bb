import { z } from 'zod';
import { DateOrDateTime } from './common.js';

export const ManifestEntry = z
  .object({
    file: z.string().min(1).describe('File name of the article, relative to the manifest.'),
    outlet: z.string().nullable().describe('The outlet, only when the text itself names it; else null.'),
    publishedAt: DateOrDateTime.nullable().describe('Publication date, only when the text supports it (a dated caption, a weekday with a known date); else null.'),
    evidence: z.string().nullable().describe('The words of the text that support outlet and date, so a reader can check them.'),
  })
  .describe('What the text of one corpus article supports about its provenance.');
export type ManifestEntry = z.infer<typeof ManifestEntry>;

export const StoryManifest = z
  .object({
    story: z.string().min(1).describe('Folder name of the story, e.g. "putin-syria-2015-09".'),
    title: z.string().describe('A short title for the story.'),
    articles: z.array(ManifestEntry).describe('One entry per article file.'),
  })
  .describe('The manifest of one corpus story (corpus/<story>/manifest.json).');
export type StoryManifest = z.infer<typeof StoryManifest>;
