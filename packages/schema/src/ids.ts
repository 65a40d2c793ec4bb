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

/** The character codes of the hex digits. */
const HEX_CODES = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/**
 * The 16 hex digits of the two finished lanes, made as one string from their character codes: joining
 * eight two-digit strings (or Number#toString(16) and padStart) cost twice the hashing of a short id.
 */
function digest(a: number, b: number): string {
  const x = fin(a);
  const y = fin(b);
  const h = HEX_CODES;
  return String.fromCharCode(
    h[x >>> 28]!, h[(x >>> 24) & 15]!, h[(x >>> 20) & 15]!, h[(x >>> 16) & 15]!, h[(x >>> 12) & 15]!, h[(x >>> 8) & 15]!, h[(x >>> 4) & 15]!, h[x & 15]!,
    h[y >>> 28]!, h[(y >>> 24) & 15]!, h[(y >>> 20) & 15]!, h[(y >>> 16) & 15]!, h[(y >>> 12) & 15]!, h[(y >>> 8) & 15]!, h[(y >>> 4) & 15]!, h[y & 15]!,
  );
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

/** Each kind's prefix with its "_", joined once rather than for every id. */
const ID_HEADS = Object.fromEntries(Object.entries(idPrefixes).map(([kind, prefix]) => [kind, `${prefix}_`])) as Record<IdKind, string>;

/** A stable id for a record of this kind made of these parts: the same parts always give the same id. */
export function makeId(kind: IdKind, ...parts: ReadonlyArray<string | number | null>): string {
  // hashHex of the parts joined by U+001F (null as U+0000), hashed part by part without building the key.
  // A non-negative int32 (a span offset) is mixed in as its decimal digits, which are String(p), without
  // building the string; the key's length, which seeds the lanes, is summed first.
  let n = parts.length > 0 ? parts.length - 1 : 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k]!;
    n += p === null ? 1 : typeof p === 'string' ? p.length : isUint31(p) ? digitCount(p) : String(p).length;
  }
  let a = seedA(n);
  let b = seedB(n);
  for (let k = 0; k < parts.length; k++) {
    if (k > 0) {
      a = mix(a, 0x1f);
      b = mix(b, 0x1f);
    }
    const p = parts[k]!;
    if (typeof p === 'number' && isUint31(p)) {
      // Its digits from the most significant: unit runs over the powers of ten down from p's highest.
      let unit = 1;
      while (unit * 10 <= p) unit *= 10;
      for (; unit >= 1; unit /= 10) {
        const c = 48 + (Math.floor(p / unit) % 10);
        a = mix(a, c);
        b = mix(b, c);
      }
      continue;
    }
    const t = p === null ? '\u0000' : typeof p === 'string' ? p : String(p);
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      a = mix(a, c);
      b = mix(b, c);
    }
  }
  return ID_HEADS[kind] + digest(a, b);
}

/** Whether p is an integer in [0, 2^31), whose String(p) is its plain decimal digits ("0" for -0 too). */
function isUint31(p: number): boolean {
  return (p | 0) === p && p >= 0;
}

/** The number of decimal digits of an integer in [0, 2^31). */
function digitCount(p: number): number {
  let d = 1;
  for (let x = 10; x <= p; x *= 10) d++;
  return d;
}
