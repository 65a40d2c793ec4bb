// The API client for a request, and the mapping of API failures to SvelteKit errors.
import { env } from '$env/dynamic/private';
import { error } from '@sveltejs/kit';
import { ApiError, createApiClient, type ApiClient } from './api.js';

export const DEFAULT_API_URL = 'http://127.0.0.1:3001';

/** A client over SvelteKit's fetch for this request. */
export function apiFor(fetchFn: typeof fetch): ApiClient {
  return createApiClient({ baseUrl: env.PARALLAX_API_URL || DEFAULT_API_URL, fetch: fetchFn });
}

/** Runs an API call; a 404 becomes the viewer's 404, anything else a 502 naming what went wrong. */
export async function orError<T>(call: Promise<T>, what: string): Promise<T> {
  try {
    return await call;
  } catch (e) {
    if (e instanceof ApiError) {
      if (e.status === 404) error(404, `No ${what} here: ${e.message}`);
      if (e.status === 400) error(400, e.message);
      error(502, `Could not load the ${what}: ${e.message}`);
    }
    throw e;
  }
}
