// The API's configuration, read from the environment and checked with zod: every variable has a
// default or is optional, and a bad value stops the server at start with a message naming it.
import { z } from 'zod';

const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/** Environment variables the API reads, with their defaults. apps/api/README.md documents each. */
export const ApiEnv = z.object({
  PARALLAX_DB: z.string().min(1).default('./parallax.db').describe('The store: a SQLite file path or a postgres:// URL.'),
  PARALLAX_API_PORT: z.coerce.number().int().min(0).max(65535).default(3001).describe('Port to listen on (0: any free port).'),
  PARALLAX_API_HOST: z.string().min(1).default('127.0.0.1').describe('Interface to listen on.'),
  PARALLAX_API_TOKEN: z
    .string()
    .min(16, 'must be at least 16 characters')
    .optional()
    .describe('Bearer token that writes (POST, DELETE) need; without it writes are refused.'),
  PARALLAX_API_PROTECT_READS: flag.default(false).describe('When true, reads need the token too.'),
  PARALLAX_CORS_ORIGINS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.union([z.literal('*'), z.url({ protocol: /^https?$/ })])))
    .describe('Comma-separated origins allowed by CORS ("*" for any); empty: no CORS headers.'),
  PARALLAX_API_BODY_LIMIT: z
    .string()
    .regex(/^\d+(?:b|kb|mb)$/i, 'must be a size like 512kb or 10mb')
    .default('10mb')
    .describe('Largest request body.'),
  PARALLAX_API_WRITE_RATE: positiveInt(60, 100_000).describe('Writes allowed per client IP per window.'),
  PARALLAX_API_WRITE_WINDOW_MS: positiveInt(60_000, 86_400_000).describe('The rate-limit window for writes, in milliseconds.'),
  PARALLAX_API_SHUTDOWN_MS: positiveInt(10_000, 600_000).describe('How long SIGTERM waits for in-flight requests before closing them.'),
  PARALLAX_API_FETCH_TIMEOUT_MS: positiveInt(15_000, 600_000).describe('Timeout for fetching a URL given to POST /api/articles.'),
  PARALLAX_API_FETCH_PRIVATE: flag.default(false).describe('Let POST /api/articles fetch URLs on loopback and private networks (default: public addresses only).'),
  PARALLAX_API_CACHE_MS: z.coerce.number().int().min(0).max(3_600_000).default(1_000).describe('How long GET responses are served from memory; writes through the API clear them (0: no cache).'),
  PARALLAX_API_LINK_ON_INGEST: flag.default(true).describe('Re-link the touched stories after each POST /api/articles (false: leave linking to a later batch run).'),
  PARALLAX_API_TRUST_PROXY: flag.default(false).describe('Trust X-Forwarded-* headers (behind a reverse proxy).'),
  PARALLAX_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level.'),
});
export type ApiEnv = z.output<typeof ApiEnv>;

/** The configuration of one server, from the environment (process.env in server.ts). */
export function loadConfig(env: Record<string, string | undefined>): ApiEnv {
  // An empty variable counts as unset, so `PARALLAX_API_TOKEN=` does not trip the length check.
  const present = Object.fromEntries(Object.entries(env).filter(([k, v]) => k.startsWith('PARALLAX_') && v !== undefined && v !== ''));
  const parsed = ApiEnv.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}
