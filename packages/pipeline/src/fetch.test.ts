import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchSource, isPublicAddress } from './fetch.js';

describe('isPublicAddress', () => {
  it('accepts public unicast addresses only', () => {
    for (const a of ['8.8.8.8', '151.101.1.69', '2001:4860:4860::8888']) expect(isPublicAddress(a), a).toBe(true);
    for (const a of ['127.0.0.1', '10.1.2.3', '172.16.5.4', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fc00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:10.0.0.1', 'localhost', 'not an address']) {
      expect(isPublicAddress(a), a).toBe(false);
    }
  });
});

describe('fetchSource with publicOnly (what the API uses)', () => {
  let server: Server;
  let port = 0;
  beforeAll(async () => {
    server = createServer((req, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('A page on the local network.'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('fetches from the local network by default (the CLI user’s own servers)', async () => {
    const page = await fetchSource(`http://127.0.0.1:${port}/`);
    expect(new TextDecoder().decode(page.bytes)).toBe('A page on the local network.');
  });

  it('refuses a private address given as the host, or reached through a name, before any request is sent', async () => {
    let requests = 0;
    server.on('request', () => requests++);
    for (const url of [`http://127.0.0.1:${port}/`, `http://localhost:${port}/`, `http://[::1]:${port}/`, `http://169.254.169.254/latest/meta-data/`]) {
      await expect(fetchSource(url, { publicOnly: true, timeoutMs: 2000 }), url).rejects.toThrow(/is not a public address; this server fetches public web pages only/);
    }
    expect(requests).toBe(0);
  });
});
