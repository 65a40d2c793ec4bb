// Stable content-hash ids. Pure JavaScript (no node:crypto) so the same ids come out in Node, a
// worker or a browser. Two independently seeded 32-bit lanes give 64 bits: collisions are negligible
// at the scale of a news collection (about 1 in 10^9 at 200,000 records).

function lane(text: string, seed: number): number {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h = Math.imul(h ^ text.charCodeAt(i), 0x5bd1e995);
    h ^= h >>> 15;
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** 16 hex digits hashing the text. */
export function hashHex(text: string): string {
  const a = lane(text, 0x9747b28c ^ text.length);
  const b = lane(text, 0x1b873593 + text.length);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export const idPrefixes = {
  article: 'art',
  outlet: 'out',
  entity: 'ent',
  quote: 'quo',
  claim: 'clm',
  statement: 'stm',
  claimGroup: 'cgr',
  story: 'sty',
} as const;
export type IdKind = keyof typeof idPrefixes;

/** A stable id for a record of this kind made of these parts: the same parts always give the same id. */
export function makeId(kind: IdKind, ...parts: ReadonlyArray<string | number | null>): string {
  return `${idPrefixes[kind]}_${hashHex(parts.map((p) => (p === null ? '\u0000' : String(p))).join('\u001f'))}`;
}
