// Fetches an article URL with a timeout, a size limit, a bounded number of redirects and the charset the
// server declares; every failure is a SourceError('fetch') that names the URL and says what to try. A
// server that fetches URLs for its clients (the API) asks for public addresses only: every hop's host is
// checked where the connection is made (the resolved address, so DNS cannot swap in a private one later).
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { Agent, fetch, type Response } from 'undici';
import { DEFAULT_MAX_BYTES, SourceError, formatBytes } from '@parallax/analysis';

export interface FetchOptions {
  /** Per-request timeout in milliseconds (default 15 s). */
  timeoutMs?: number;
  /** Largest body accepted, in bytes (default DEFAULT_MAX_BYTES, 20 MB). */
  maxBytes?: number;
  /** Redirects followed before giving up (default 5). */
  maxRedirects?: number;
  userAgent?: string;
  /**
   * Refuse hosts on loopback, private, link-local and other non-public addresses (default false: the
   * CLI may fetch from a server on the user's own network). The API sets it, so a client cannot make the
   * server reach its internal network.
   */
  publicOnly?: boolean;
}

/** A public unicast address (IPv4, IPv6, or IPv4 mapped into IPv6); false for anything unparsable. */
export function isPublicAddress(address: string): boolean {
  try {
    let ip = ipaddr.parse(address);
    if (ip.kind() === 'ipv6' && (ip as ipaddr.IPv6).isIPv4MappedAddress()) ip = (ip as ipaddr.IPv6).toIPv4Address();
    return ip.range() === 'unicast';
  } catch {
    return false;
  }
}

const PRIVATE = 'EPARALLAXPRIVATE';

/** dns.lookup that fails for a host with any non-public address: the check sits where the socket connects. */
function publicLookup(hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const blocked = addresses.find((a) => !isPublicAddress(a.address));
    if (blocked || addresses.length === 0) return callback(Object.assign(new Error(`${hostname} resolves to ${blocked?.address ?? 'no address'}`), { code: PRIVATE }), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0]!.address, addresses[0]!.family);
  });
}

let publicAgent: Agent | null = null;

export interface FetchedSource {
  bytes: Uint8Array;
  contentType: string | null;
  /** The URL after redirects. */
  url: string;
}

const fail = (url: string, message: string) => new SourceError('fetch', url, `${url}: ${message}`);

export async function fetchSource(url: string, options: FetchOptions = {}): Promise<FetchedSource> {
  const timeoutMs = options.timeoutMs ?? 15_000;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? 5;
  let current = url;
  for (let hop = 0; ; hop++) {
    let parsed: URL;
    try {
      parsed = new URL(current);
    } catch {
      throw fail(url, `"${current}" is not a valid URL.`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw fail(url, `only http and https URLs can be fetched (got ${parsed.protocol}).`);
    const privateRefusal = () => fail(url, `${parsed.hostname} is not a public address; this server fetches public web pages only. Send the page's HTML instead.`);
    // An address written as the host connects without a lookup: check it here.
    const literal = parsed.hostname.replace(/^\[|\]$/g, '');
    if (options.publicOnly && isIP(literal) && !isPublicAddress(literal)) throw privateRefusal();
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), timeoutMs);
    let response: Response;
    try {
      response = await fetch(parsed, {
        ...(options.publicOnly ? { dispatcher: (publicAgent ??= new Agent({ connect: { lookup: publicLookup } })) } : {}),
        redirect: 'manual',
        signal: controller.signal,
        headers: { 'user-agent': options.userAgent ?? 'Parallax/0.1 (+https://parallax.invalid)', accept: 'text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.5' },
      });
    } catch (error) {
      clearTimeout(timer);
      if (controller.signal.aborted) throw fail(url, `no answer within ${timeoutMs / 1000} s. Try again later, or save the page and ingest the file.`);
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      if (cause?.code === PRIVATE) throw privateRefusal();
      throw fail(url, `could not connect (${cause?.code ?? cause?.message ?? (error as Error).message}). Check the address and your network.`);
    }
    try {
      if (response.status >= 300 && response.status < 400 && response.headers.get('location')) {
        if (hop >= maxRedirects) throw fail(url, `more than ${maxRedirects} redirects. The address may loop; open it in a browser to find the article's final URL.`);
        current = new URL(response.headers.get('location')!, parsed).toString();
        await response.body?.cancel();
        continue;
      }
      if (!response.ok) throw fail(url, `the server answered ${response.status} ${response.statusText}. Check the address${response.status === 403 || response.status === 401 ? ', or save the page from a browser and ingest the file' : ''}.`);
      const declared = Number(response.headers.get('content-length') ?? NaN);
      if (declared > maxBytes) throw fail(url, `${formatBytes(declared)} is over the ${formatBytes(maxBytes)} limit.`);
      // Read the body in chunks, stopping at the limit: a server may not announce its length.
      const chunks: Uint8Array[] = [];
      let size = 0;
      const reader = response.body?.getReader();
      if (reader) {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          size += value.byteLength;
          if (size > maxBytes) {
            await reader.cancel();
            throw fail(url, `the body is over the ${formatBytes(maxBytes)} limit.`);
          }
          chunks.push(value);
        }
      }
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.byteLength;
      }
      return { bytes, contentType: response.headers.get('content-type'), url: current };
    } catch (error) {
      if (controller.signal.aborted && !(error instanceof SourceError)) throw fail(url, `the download took longer than ${timeoutMs / 1000} s.`);
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
