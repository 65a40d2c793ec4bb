import { analyse } from 'chardet';
import { describeInput, SourceError } from './errors.js';

// The engine is built without DOM or Node typings (it must run anywhere); TextDecoder is a global of
// every JavaScript runtime we target, so declare the little we use.
declare const TextDecoder: {
  new (label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean }): { decode(input?: Uint8Array): string };
};

/** Default largest source accepted: far above any article, small enough to fail fast on dumps. */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

export interface DecodeOptions {
  /** Largest input accepted, in bytes (default 20 MB). */
  maxBytes?: number;
  /** Treat the bytes as HTML and honour a `<meta charset>` (default: guessed from the name and content). */
  html?: boolean;
}

export interface DecodedSource {
  text: string;
  /** The WHATWG name of the encoding used, e.g. "utf-8", "utf-16le", "windows-1252". */
  encoding: string;
}

// Leading bytes of common binary formats a user may pass by mistake.
const MAGIC: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a ZIP archive (or an Office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['an xz archive', [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ['a zstd archive', [0x28, 0xb5, 0x2f, 0xfd]],
  ['an executable (ELF)', [0x7f, 0x45, 0x4c, 0x46]],
  ['a WebAssembly module', [0x00, 0x61, 0x73, 0x6d]],
  ['an old Office document', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['an SQLite database', [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66]],
];

const SAMPLE = 64 * 1024;

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  if (bytes.length < magic.length) return false;
  for (let i = 0; i < magic.length; i++) if (bytes[i] !== magic[i]) return false;
  return true;
}

/** utf-16le / utf-16be when the sample has the NUL pattern of ASCII text in UTF-16, else null. */
function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return null;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul / pairs > 0.4 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs > 0.4 && oddNul / pairs < 0.05) return 'utf-16be';
  return null;
}

/**
 * Share of bytes in the sample that no text has (NUL and C0 controls other than tab, newlines, form
 * feed, escape), and whether any byte of the whole input is outside ASCII: one pass for both.
 */
function scanBytes(bytes: Uint8Array): { nul: number; ratio: number; nonAscii: boolean } {
  const n = Math.min(bytes.length, SAMPLE);
  let nul = 0;
  let bad = 0;
  let high = false;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x20) {
      if (b === 0) nul++;
      if (b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x0b && b !== 0x1b) bad++;
    } else if (b >= 0x80) high = true;
  }
  return { nul, ratio: n === 0 ? 0 : bad / n, nonAscii: high || hasNonAscii(bytes, n) };
}

function hasNonAscii(bytes: Uint8Array, from = 0): boolean {
  for (let i = from; i < bytes.length; i++) if (bytes[i]! >= 0x80) return true;
  return false;
}

// C1 range of windows-1252 (0x80-0x9F). Node's TextDecoder reads the "windows-1252" label as
// ISO-8859-1 and leaves these as control characters, so the table is applied here.
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  const codes = new Array<number>(CHUNK);
  for (let start = 0; start < bytes.length; start += CHUNK) {
    const n = Math.min(CHUNK, bytes.length - start);
    codes.length = n;
    for (let i = 0; i < n; i++) {
      const b = bytes[start + i]!;
      codes[i] = b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80]! : b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join('');
}

/** The UTF-8 decoders, made once: most sources are UTF-8, and a decoder is reusable. */
const UTF8 = new TextDecoder('utf-8');
const UTF8_FATAL = new TextDecoder('utf-8', { fatal: true });

function tryDecode(bytes: Uint8Array, encoding: string, fatal: boolean): string | null {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  try {
    if (encoding === 'utf-8') return (fatal ? UTF8_FATAL : UTF8).decode(bytes);
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return null;
  }
}

function supported(encoding: string): boolean {
  try {
    new TextDecoder(encoding);
    return true;
  } catch {
    return false;
  }
}

/** Whether the bytes look like HTML: a tag near the start (only the first bytes are read). */
function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = asciiLower(bytes, 1024);
  return /<(!doctype html|html|head|meta|body)[\s>]/.test(head);
}

function asciiLower(bytes: Uint8Array, limit: number): string {
  const n = Math.min(bytes.length, limit);
  let s = '';
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    s += b < 0x80 ? String.fromCharCode(b >= 0x41 && b <= 0x5a ? b + 32 : b) : '?';
  }
  return s;
}

/** The charset an HTML page declares in its first 4 KB (`<meta charset>` or http-equiv), or null. */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = asciiLower(bytes, 4096);
  let from = 0;
  for (;;) {
    const at = head.indexOf('<meta', from);
    if (at < 0) return null;
    const end = head.indexOf('>', at);
    const tag = head.slice(at, end < 0 ? at + 300 : Math.min(end, at + 300));
    const m = /charset\s*=["'\s]*([a-z0-9_:.-]{2,40})/.exec(tag);
    if (m) return m[1]!;
    from = at + 5;
  }
}

/** What chardet makes of a sample that is not UTF-8, mapped to an encoding TextDecoder knows. */
function guessLegacy(bytes: Uint8Array): string {
  let best: string | null = null;
  try {
    const matches = analyse(bytes.subarray(0, SAMPLE));
    const top = matches[0];
    if (top && top.confidence >= 30) best = top.name.toLowerCase();
  } catch {
    best = null;
  }
  // ISO-8859-1 text is read as windows-1252 by every browser (it is a superset bar C1 controls, which
  // real text never uses); anything unsure is treated the same way, the commonest legacy encoding.
  if (best === null || best === 'iso-8859-1' || best.startsWith('utf') || !supported(best)) return 'windows-1252';
  return best;
}

/**
 * Decodes the bytes of a source to text. UTF-8 (with or without BOM), UTF-16 LE/BE (by BOM or by the
 * NUL pattern of ASCII text), an HTML page's declared charset, else a legacy encoding guessed by
 * chardet (windows-1252 when unsure). Throws SourceError: 'too-large', 'binary', 'empty'.
 * Linear time: a 50 MB single line is rejected by size before any scan.
 */
export function decodeSource(bytes: Uint8Array, name: string, options: DecodeOptions = {}): DecodedSource {
  const input = describeInput(name);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    throw new SourceError(
      'too-large',
      name,
      `${input} is ${formatBytes(bytes.length)}, over the ${formatBytes(maxBytes)} limit for one article. Check that it is a single article, or raise the size limit.`,
    );
  }
  for (const [what, magic] of MAGIC) {
    if (startsWith(bytes, magic)) {
      throw new SourceError('binary', name, `${input} is ${what}, not text. Give Parallax the article as plain text, HTML or Article JSON.`);
    }
  }

  let encoding: string | null = null;
  let offset = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) [encoding, offset] = ['utf-8', 3];
  else if (startsWith(bytes, [0xff, 0xfe])) [encoding, offset] = ['utf-16le', 2];
  else if (startsWith(bytes, [0xfe, 0xff])) [encoding, offset] = ['utf-16be', 2];
  else {
    // Most sources are UTF-8 text without a BOM: decode them at once, natively. When the text holds no
    // control character (one native search), it has no NUL (so no UTF-16 pattern) and passes the binary
    // test, and the steps below would decode it the same way: the byte loops are not needed. Anything
    // else takes those steps.
    const utf8 = tryDecode(bytes, 'utf-8', true);
    if (utf8 !== null && !CONTROL_CHAR.test(utf8)) return checked(utf8, 'utf-8', name, input);
    encoding = sniffUtf16(bytes);
  }

  let nonAscii = true;
  if (encoding === null) {
    const scan = scanBytes(bytes);
    const { nul, ratio } = scan;
    nonAscii = scan.nonAscii;
    if (nul > 0 || ratio > 0.02) {
      throw new SourceError('binary', name, `${input} holds binary data (${nul > 0 ? 'NUL bytes' : 'control characters'}), not text. Give Parallax the article as plain text, HTML or Article JSON.`);
    }
  }

  let text: string | null = null;
  const body = offset > 0 ? bytes.subarray(offset) : bytes;
  if (encoding !== null) {
    text = tryDecode(body, encoding, false);
  } else if (!nonAscii) {
    encoding = 'utf-8';
    text = tryDecode(body, 'utf-8', false);
  } else {
    // Valid UTF-8 with non-ASCII bytes is almost never an accident, so it wins over a declared charset
    // (pages often declare ISO-8859-1 and serve UTF-8).
    text = tryDecode(body, 'utf-8', true);
    if (text !== null) encoding = 'utf-8';
    else {
      const declared = (options.html ?? looksLikeHtml(bytes)) ? declaredHtmlCharset(bytes) : null;
      encoding = declared !== null && supported(declared) && !declared.startsWith('utf') ? declared : guessLegacy(body);
      if (encoding === 'iso-8859-1' || encoding === 'latin1' || encoding === 'us-ascii') encoding = 'windows-1252';
      text = tryDecode(body, encoding, false);
    }
  }
  if (text === null) {
    throw new SourceError('encoding', name, `${input} could not be decoded as ${encoding ?? 'text'}. Save it as UTF-8 and try again.`);
  }
  return checked(text, encoding ?? 'utf-8', name, input);
}

/** The control characters scanBytes counts as binary (C0 but tab, newlines, form feed, escape), NUL included. */
const CONTROL_CHAR = /[\x00-\x08\x0e-\x1a\x1c-\x1f]/;

/** The decoded text without a leading BOM; throws 'empty' when it is only white space. */
function checked(decoded: string, encoding: string, name: string, input: string): DecodedSource {
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  if (!/\S/.test(text)) {
    throw new SourceError('empty', name, `${input} is empty${text.length > 0 ? ' (only whitespace)' : ''}. Check that the file holds the article text.`);
  }
  return { text, encoding };
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}
