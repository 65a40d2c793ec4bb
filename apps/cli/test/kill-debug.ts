import { openStore } from '@parallax/store';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
const db = '/tmp/kt/w.db';
const watcher = await openStore(db);
const tsx = createRequire(import.meta.url).resolve('tsx');
const child = spawn(process.execPath, ['--conditions=@parallax/source', '--import', tsx, 'test/run-cli.ts', 'ingest', '/tmp/kt/in', '--db', db, '--workers', '1'], { stdio: 'inherit' });
for (let t = 0; t < 100; t++) { const s = await watcher.stats(); if (s.articles) { console.log('stored', s.articles); break; } await new Promise((r) => setTimeout(r, 50)); }
await new Promise((r) => child.on('exit', r));
await watcher.close();
