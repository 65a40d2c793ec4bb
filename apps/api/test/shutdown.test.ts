// Graceful shutdown with a real server process: SIGTERM while a request is in flight (its body half
// sent) stops new connections at once, lets that request finish with its real answer, then exits 0.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { seedStoryDir } from './seed.js';

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dir = mkdtempSync(join(tmpdir(), 'parallax-api-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const TOKEN = 'shutdown-token-0123456789';

function connectTo(port: number): Promise<Socket> {
  return new Promise((done, fail) => {
    const socket = connect(port, '127.0.0.1', () => done(socket));
    socket.once('error', fail);
  });
}

describe('graceful shutdown', () => {
  it('drains an in-flight request on SIGTERM, refuses new connections, and exits 0', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', '--conditions=@parallax/source', join(appDir, 'src/server.ts')], {
      cwd: appDir,
      env: { ...process.env, PARALLAX_DB: join(dir, 'store.db'), PARALLAX_API_PORT: '0', PARALLAX_API_TOKEN: TOKEN, PARALLAX_API_SHUTDOWN_MS: '20000',
        // This test is about draining; linking on ingest is covered by the API suite.
        PARALLAX_API_LINK_ON_INGEST: 'false' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const logs: Array<Record<string, unknown>> = [];
    const lines = createInterface({ input: child.stdout! });
    let stderr = '';
    child.stderr!.on('data', (chunk) => (stderr += chunk));
    const port = await new Promise<number>((done, fail) => {
      child.once('exit', (code) => fail(new Error(`server exited with ${code}: ${stderr}`)));
      lines.on('line', (line) => {
        const entry = JSON.parse(line) as Record<string, unknown>;
        logs.push(entry);
        if (typeof entry.port === 'number') done(entry.port);
      });
    });
    const exited = once(child, 'exit');

    // Start a write and send only half of its body: the request is in flight.
    const text = readFileSync(join(seedStoryDir, '001_10204aad8015e45e.txt'), 'utf8');
    const body = Buffer.from(JSON.stringify({ text, sourcePath: 'shutdown/aja.txt' }));
    const socket = await connectTo(port);
    let response = '';
    socket.on('data', (chunk) => (response += chunk));
    const half = Math.floor(body.length / 2);
    socket.write(
      `POST /api/articles HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${TOKEN}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.subarray(0, half));
    await new Promise((r) => setTimeout(r, 200));

    child.kill('SIGTERM');
    // Wait for the server to say it stopped listening (not a fixed sleep: CI machines are slow).
    for (let t = 0; t < 200 && !logs.some((l) => l.msg === 'shutting down: no new connections, draining in-flight requests'); t++) await new Promise((r) => setTimeout(r, 25));
    await new Promise((r) => setTimeout(r, 50));
    // No new connections once shutting down.
    await expect(connectTo(port)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(child.exitCode).toBeNull();

    // The in-flight request completes with its real answer.
    socket.end(body.subarray(half));
    await once(socket, 'close');
    expect(response, JSON.stringify(logs.filter((l) => (l.level as number) >= 40))).toMatch(/^HTTP\/1\.1 201 Created\r\n/);
    const json = JSON.parse(response.slice(response.indexOf('\r\n\r\n') + 4)) as { status: string; article: { sourcePath: string } };
    expect(json).toMatchObject({ status: 'added', article: { sourcePath: 'shutdown/aja.txt' } });

    const [code] = await exited;
    expect(code).toBe(0);
    const messages = logs.map((l) => l.msg);
    expect(messages).toContain('shutting down: no new connections, draining in-flight requests');
    expect(messages).toContain('stopped');
    expect(logs.find((l) => l.url === '/api/articles')).toMatchObject({ method: 'POST', status: 201 });
  }, 60_000);
});
