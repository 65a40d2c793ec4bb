// `npm start`, after turbo has built everything: ingest corpus/ into the embedded store when it is
// empty, then serve the API and the viewer together. The viewer reads the API at PARALLAX_API_URL;
// Ctrl-C or SIGTERM stops both.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const db = process.env.PARALLAX_DB ?? 'parallax.db';
const apiPort = process.env.PARALLAX_API_PORT ?? '3001';
const viewerPort = process.env.PORT ?? '3000';
const host = process.env.HOST ?? '127.0.0.1';
const cli = ['apps/cli/bin/parallax.js'];
const env = { ...process.env, PARALLAX_DB: db, PARALLAX_API_PORT: apiPort, PARALLAX_API_URL: `http://127.0.0.1:${apiPort}` };

const stats = spawnSync(process.execPath, [...cli, 'stats', '--json'], { cwd: root, env, encoding: 'utf8' });
if (stats.status !== 0) {
  console.error(`parallax: cannot open the store ${db}:\n${stats.stderr}\nSet PARALLAX_DB to a writable file or a postgres:// URL.`);
  process.exit(1);
}
if (JSON.parse(stats.stdout).articles === 0) {
  console.log(`Parallax: the store ${db} is empty; ingesting corpus/ ...`);
  const ingest = spawnSync(process.execPath, [...cli, 'ingest', 'corpus'], { cwd: root, env, stdio: 'inherit' });
  if (ingest.status !== 0) process.exit(ingest.status ?? 1);
}

const children = [
  spawn(process.execPath, ['apps/api/dist/server.js'], { cwd: root, env, stdio: 'inherit' }),
  spawn(process.execPath, ['apps/viewer/build/index.js'], { cwd: root, env: { ...env, PORT: viewerPort, HOST: host }, stdio: 'inherit' }),
];
console.log(`Parallax: viewer on http://${host}:${viewerPort}/ , API on http://127.0.0.1:${apiPort}/api/docs , store ${db}`);

let stopping = false;
const stop = (code = 0) => {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  process.exitCode = code;
};
for (const child of children) child.on('exit', (code) => stop(code ?? 1));
process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
