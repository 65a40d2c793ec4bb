// Highlighting without HTML: an article body is cut into segments at every span boundary, and each
// segment is rendered as a text node inside an element whose classes say which quotes and claims cover
// it. Nothing from the article is ever parsed as markup.

/** A span of the body to highlight: a quote segment, a claim, a search match. */
export interface Mark {
  /** What the mark stands for: the quote or claim id. */
  id: string;
  kind: 'quote' | 'claim';
  start: number;
  end: number;
}

/** A run of the body covered by the same marks. */
export interface Segment {
  start: number;
  end: number;
  text: string;
  /** The marks covering the whole segment, in the order they were given. */
  marks: Mark[];
}

/**
 * Cuts text[range.start, range.end) into segments at every mark boundary inside the range. Marks outside
 * the range are ignored, marks crossing its ends are clipped, empty and inverted marks are dropped.
 * Concatenating the segments' text gives back the range's text exactly.
 */
export function segmentText(text: string, marks: readonly Mark[], range: { start: number; end: number } = { start: 0, end: text.length }): Segment[] {
  const from = Math.max(0, Math.min(range.start, text.length));
  const to = Math.max(from, Math.min(range.end, text.length));
  const inside = marks
    .map((m) => ({ mark: m, start: Math.max(m.start, from), end: Math.min(m.end, to) }))
    .filter((m) => m.end > m.start);
  const cuts = new Set<number>([from, to]);
  for (const m of inside) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const segments: Segment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (end <= start) continue;
    segments.push({ start, end, text: text.slice(start, end), marks: inside.filter((m) => m.start <= start && m.end >= end).map((m) => m.mark) });
  }
  return segments;
}

/** A paragraph of the body with its segments. */
export interface SegmentedParagraph {
  start: number;
  end: number;
  segments: Segment[];
}

/** Segments every paragraph; a body without paragraph spans is one paragraph. */
export function segmentParagraphs(body: string, paragraphs: readonly { start: number; end: number }[], marks: readonly Mark[]): SegmentedParagraph[] {
  const spans = paragraphs.length > 0 ? paragraphs : [{ start: 0, end: body.length }];
  return spans.map((p) => ({ start: p.start, end: p.end, segments: segmentText(body, marks, p) }));
}

/** Marks for quotes (each segment inside quote marks) and claims. */
export function marksFor(quotes: readonly { id: string; segments: readonly { start: number; end: number }[] }[], claims: readonly { id: string; span: { start: number; end: number } }[]): Mark[] {
  const marks: Mark[] = [];
  for (const q of quotes) for (const s of q.segments) marks.push({ id: q.id, kind: 'quote', start: s.start, end: s.end });
  for (const c of claims) marks.push({ id: c.id, kind: 'claim', start: c.span.start, end: c.span.end });
  return marks;
}

/** A piece of a search snippet: matched words were wrapped in [[ and ]] by the API. */
export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Splits a snippet at its [[ ]] markers; an unclosed [[ is kept as text. */
export function parseSnippet(snippet: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, match: boolean) => {
    if (!text) return;
    const last = parts.at(-1);
    if (last && last.match === match) last.text += text;
    else parts.push({ text, match });
  };
  let i = 0;
  while (i < snippet.length) {
    const open = snippet.indexOf('[[', i);
    if (open < 0) break;
    const close = snippet.indexOf(']]', open + 2);
    if (close < 0) break;
    push(snippet.slice(i, open), false);
    push(snippet.slice(open + 2, close), true);
    i = close + 2;
  }
  push(snippet.slice(i), false);
  return parts;
}
