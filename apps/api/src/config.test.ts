import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('applies the defaults to an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      PARALLAX_DB: './parallax.db',
      PARALLAX_API_PORT: 3001,
      PARALLAX_API_HOST: '127.0.0.1',
      PARALLAX_API_PROTECT_READS: false,
      PARALLAX_CORS_ORIGINS: [],
      PARALLAX_API_BODY_LIMIT: '10mb',
      PARALLAX_API_WRITE_RATE: 60,
      PARALLAX_API_CACHE_MS: 1000,
      PARALLAX_API_LINK_ON_INGEST: true,
      PARALLAX_LOG_LEVEL: 'info',
    });
    expect(loadConfig({}).PARALLAX_API_TOKEN).toBeUndefined();
  });

  it('reads and converts what is set, treating empty variables as unset', () => {
    const config = loadConfig({
      PARALLAX_DB: 'postgres://u@127.0.0.1/db',
      PARALLAX_API_PORT: '8080',
      PARALLAX_API_TOKEN: '',
      PARALLAX_CORS_ORIGINS: 'https://a.example, http://localhost:5173',
      PARALLAX_API_PROTECT_READS: 'yes',
      HOME: '/root',
    });
    expect(config.PARALLAX_API_PORT).toBe(8080);
    expect(config.PARALLAX_API_TOKEN).toBeUndefined();
    expect(config.PARALLAX_CORS_ORIGINS).toEqual(['https://a.example', 'http://localhost:5173']);
    expect(config.PARALLAX_API_PROTECT_READS).toBe(true);
  });

  it('names every bad variable', () => {
    let error: unknown;
    try {
      loadConfig({ PARALLAX_API_PORT: '99999', PARALLAX_API_TOKEN: 'short', PARALLAX_CORS_ORIGINS: 'not a url', PARALLAX_API_BODY_LIMIT: 'lots' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    for (const name of ['PARALLAX_API_PORT', 'PARALLAX_API_TOKEN', 'PARALLAX_CORS_ORIGINS', 'PARALLAX_API_BODY_LIMIT']) expect(message).toContain(name);
  });
});
