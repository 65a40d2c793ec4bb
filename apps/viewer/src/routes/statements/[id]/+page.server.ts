import { apiFor, orError } from '$lib/server/client';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ fetch, params }) => orError(apiFor(fetch).getStatement(params.id), 'statement');
