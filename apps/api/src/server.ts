// The only file that listens and reads the environment.
import { createApp } from './app.js';

const port = Number(process.env.PARALLAX_API_PORT ?? process.env.PORT ?? 3001);
const host = process.env.PARALLAX_API_HOST ?? '127.0.0.1';
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PARALLAX_API_PORT must be a port number, got "${process.env.PARALLAX_API_PORT}"`);
  process.exit(2);
}
const server = createApp().listen(port, host, () => console.log(`parallax api listening on http://${host}:${port}/api/health`));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
