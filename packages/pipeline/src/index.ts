// @parallax/pipeline: ingest sources into a store (extraction on every core, linking, resumable).
export { ingestInputs, ingestSource, removeArticle, readInput, toInputError, type IngestOptions, type IngestProgress, type IngestSummary, type Linker, type LinkProgress, type SingleSource, type SingleIngestResult } from './ingest.js';
export { planInputs, isUrl, type PlannedInput, type InputPlan } from './inputs.js';
export { fetchSource, type FetchOptions, type FetchedSource } from './fetch.js';
export { ExtractPool, type ExtractJob } from './pool.js';
export { linkTouched, neighbourhoodLinker, type NeighbourhoodOptions } from './link.js';
