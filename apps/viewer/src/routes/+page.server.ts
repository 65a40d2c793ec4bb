import { recordSummaries, schemaVersion } from '$lib/records';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({ records: recordSummaries(), schemaVersion });
