// The only file that listens and reads the environment: configuration (config.ts), the store, the
// ingest function, pino logs, and a graceful shutdown that drains in-flight requests on SIGTERM/SIGINT.
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { openStore } from '@parallax/store';
import { pino } from 'pino';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type ApiEnv } from './config.js';
import { linkTouched } from '@parallax/pipeline';
import { pipelineIngest, pipelineRemove } from './ingest.js';

const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

async function main(): Promise<void> {
  let config: ApiEnv;
  try {
    config = loadConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`parallax api: ${error.message}`);
    process.exit(2);
  }
  const logger = pino({ level: config.PARALLAX_LOG_LEVEL, base: { service: 'parallax-api', pid: process.pid } }, pino.destination({ sync: false }));
  const store = await openStore(config.PARALLAX_DB);
  // Re-link the stories each new article touches, unless turned off.
  const link = config.PARALLAX_API_LINK_ON_INGEST ? linkTouched : undefined;
  const ingest = pipelineIngest(store, { timeoutMs: config.PARALLAX_API_FETCH_TIMEOUT_MS, allowPrivateUrls: config.PARALLAX_API_FETCH_PRIVATE, link });
  const app = createApp({
    store,
    ingest,
    remove: pipelineRemove(store, { link }),
    token: config.PARALLAX_API_TOKEN,
    protectReads: config.PARALLAX_API_PROTECT_READS,
    corsOrigins: config.PARALLAX_CORS_ORIGINS,
    bodyLimit: config.PARALLAX_API_BODY_LIMIT,
    writeRate: { limit: config.PARALLAX_API_WRITE_RATE, windowMs: config.PARALLAX_API_WRITE_WINDOW_MS },
    trustProxy: config.PARALLAX_API_TRUST_PROXY,
    cacheMs: config.PARALLAX_API_CACHE_MS,
    logger,
    version,
  });

  const server = app.listen(config.PARALLAX_API_PORT, config.PARALLAX_API_HOST, () => {
    const { address, port } = server.address() as AddressInfo;
    logger.info({ address, port, store: store.kind, linking: link ? 'linkTouched' : 'none', writes: config.PARALLAX_API_TOKEN ? 'token' : 'disabled' }, `parallax api listening on http://${address}:${port}/api/docs`);
  });
  server.on('error', (error) => {
    logger.fatal({ err: error }, 'cannot listen');
    logger.flush(() => process.exit(1));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: no new connections, draining in-flight requests');
    // In-flight requests finish; keep-alive connections close as soon as they are idle.
    const idle = setInterval(() => server.closeIdleConnections(), 50);
    const force = setTimeout(() => {
      logger.warn({ afterMs: config.PARALLAX_API_SHUTDOWN_MS }, 'closing connections still open');
      server.closeAllConnections();
    }, config.PARALLAX_API_SHUTDOWN_MS);
    server.close(() => {
      clearInterval(idle);
      clearTimeout(force);
      void store.close().finally(() => {
        logger.info('stopped');
        logger.flush(() => process.exit(0));
      });
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

await main();
