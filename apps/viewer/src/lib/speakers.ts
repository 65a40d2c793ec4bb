// Speaker colours and labels. Colour is never the only cue: every quote also carries its speaker's
// initials, and the legend pairs each colour with a name.

/** Number of speaker colours in app.css (.sp-0 ... .sp-7); further speakers reuse them, told apart by label. */
export const PALETTE_SIZE = 8;

export interface Speaker {
  key: string;
  name: string;
  /** Short label shown on every quote: initials, numbered when two speakers share them. */
  label: string;
  /** Index into the palette (class sp-N). */
  colour: number;
  quotes: number;
}

interface QuoteLike {
  speaker: { name: string; entityId: string | null } | null;
}

/** The key that identifies a quote's speaker: the entity when resolved, else the name. */
export function speakerKey(quote: QuoteLike): string {
  if (!quote.speaker) return 'unknown';
  return quote.speaker.entityId ?? `name:${quote.speaker.name.toLowerCase()}`;
}

/** Initials of a name: "Vladimir Putin" -> "VP", "U.N. statistics" -> "US", "Pentagon" -> "PE". */
export function initials(name: string): string {
  const words = name.split(/[\s.\-–]+/u).filter((w) => /\p{L}/u.test(w));
  if (words.length === 0) return '?';
  if (words.length === 1) return words[0]!.slice(0, 2).toUpperCase();
  return (words[0]![0]! + words.at(-1)![0]!).toUpperCase();
}

/**
 * Speakers of a set of quotes, most quoted first (ties by name), each with a palette colour and a
 * unique label. The unknown speaker, if any, comes last and takes no palette colour (class sp-none).
 */
export function assignSpeakers(quotes: readonly QuoteLike[]): Map<string, Speaker> {
  const counts = new Map<string, { name: string; quotes: number }>();
  for (const q of quotes) {
    const key = speakerKey(q);
    const entry = counts.get(key) ?? { name: q.speaker?.name ?? 'Unattributed', quotes: 0 };
    entry.quotes++;
    counts.set(key, entry);
  }
  const ordered = [...counts.entries()].sort((a, b) => (a[0] === 'unknown' ? 1 : 0) - (b[0] === 'unknown' ? 1 : 0) || b[1].quotes - a[1].quotes || a[1].name.localeCompare(b[1].name));
  const used = new Map<string, number>();
  const speakers = new Map<string, Speaker>();
  let colour = 0;
  for (const [key, { name, quotes: n }] of ordered) {
    let label = key === 'unknown' ? '?' : initials(name);
    const seen = used.get(label) ?? 0;
    used.set(label, seen + 1);
    if (seen > 0) label = `${label}${seen + 1}`;
    speakers.set(key, { key, name, label, colour: key === 'unknown' ? -1 : colour++ % PALETTE_SIZE, quotes: n });
  }
  return speakers;
}

/** The CSS class of a speaker's colour. */
export const speakerClass = (s: Speaker | undefined): string => (s && s.colour >= 0 ? `sp-${s.colour}` : 'sp-none');
