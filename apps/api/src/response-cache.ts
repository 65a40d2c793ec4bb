// A small in-process cache of serialized GET responses (body and ETag), keyed by URL. Entries live for
// `ttlMs`; any write through this app clears the cache at once, and writes by other processes (a CLI
// ingest into the same database) show within ttlMs. Bounded by entry count and body size, oldest out first.
import { createHash } from 'node:crypto';

export interface CachedResponse {
  body: Buffer;
  etag: string;
  expires: number;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();

  constructor(
    readonly ttlMs: number,
    readonly maxEntries = 1_000,
    readonly maxBodyBytes = 2 * 1024 * 1024,
  ) {}

  get(key: string, now = Date.now()): CachedResponse | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= now) {
      this.entries.delete(key);
      return undefined;
    }
    return hit;
  }

  set(key: string, body: Buffer, now = Date.now()): CachedResponse {
    const entry = { body, etag: etagOf(body), expires: now + this.ttlMs };
    if (this.ttlMs <= 0 || body.length > this.maxBodyBytes) return entry;
    this.entries.delete(key);
    this.entries.set(key, entry);
    // Maps iterate in insertion order: the first key is the oldest.
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return entry;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** A strong ETag: the body's length and SHA-1, as Express makes them. */
export function etagOf(body: Buffer): string {
  return `"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64url')}"`;
}
