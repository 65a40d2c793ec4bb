// `npm start`: after turbo has built everything, serve the API and the viewer together.
// The viewer reads the API at PARALLAX_API_URL; Ctrl-C or SIGTERM stops both.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const apiPort = process.env.PARALLAX_API_PORT ?? '3001';
const viewerPort = process.env.PORT ?? '3000';
const env = { ...process.env, PARALLAX_API_PORT: apiPort, PARALLAX_API_URL: `http://127.0.0.1:${apiPort}` };

const children = [
  spawn(process.execPath, ['apps/api/dist/server.js'], { cwd: root, env, stdio: 'inherit' }),
  spawn(process.execPath, ['apps/viewer/build/index.js'], { cwd: root, env: { ...env, PORT: viewerPort, HOST: process.env.HOST ?? '127.0.0.1' }, stdio: 'inherit' }),
];
console.log(`Parallax: viewer on http://127.0.0.1:${viewerPort}/ , API on http://127.0.0.1:${apiPort}/api/health`);

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
