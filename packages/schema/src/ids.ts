// Stable content-hash ids. Pure JavaScript (no node:crypto) so the same ids come out in Node, a
// worker or a browser. Two independently seeded 32-bit lanes give 64 bits: collisions are negligible
// at the scale of a news collection (about 1 in 10^9 at 200,000 records).

/** 16 hex digits hashing the text: two independently seeded 32-bit lanes, computed in one pass. */
export function hashHex(text: string): string {
  const n = text.length;
  let a = seedA(n);
  let b = seedB(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    a = mix(a, c);
    b = mix(b, c);
  }
  return digest(a, b);
}

// The lanes' starting states for a text of n code units. They are int32, not uint32 (>>> 0): the same
// bits, but V8 then keeps the lanes in integer registers through the loop instead of converting each
// step from a double (3x slower).
const seedA = (n: number): number => 0x9747b28c ^ n;
const seedB = (n: number): number => (0x1b873593 + n) | 0;

/** One step of a lane: the code unit c mixed into the state h. */
function mix(h: number, c: number): number {
  const x = Math.imul(h ^ c, 0x5bd1e995);
  return x ^ (x >>> 15);
}

/** Two hex digits of each byte: Number#toString(16) and padStart cost three times the hashing of a short id. */
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

function hex8(x: number): string {
  return HEX[x >>> 24]! + HEX[(x >>> 16) & 255]! + HEX[(x >>> 8) & 255]! + HEX[x & 255]!;
}

/** The 16 hex digits of the two finished lanes. */
function digest(a: number, b: number): string {
  return hex8(fin(a)) + hex8(fin(b));
}

function fin(h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
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
  // hashHex of the parts joined by U+001F (null as U+0000), hashed part by part without building the key.
  const texts: string[] = [];
  let n = parts.length > 0 ? parts.length - 1 : 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i];
    const t = p === null ? '\u0000' : typeof p === 'string' ? p : String(p);
    texts.push(t);
    n += t.length;
  }
  let a = seedA(n);
  let b = seedB(n);
  for (let k = 0; k < texts.length; k++) {
    if (k > 0) {
      a = mix(a, 0x1f);
      b = mix(b, 0x1f);
    }
    const t = texts[k]!;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      a = mix(a, c);
      b = mix(b, c);
    }
  }
  return `${idPrefixes[kind]}_${digest(a, b)}`;
}
