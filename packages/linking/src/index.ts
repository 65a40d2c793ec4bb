// @parallax/linking: pure functions that link the articles of a bundle across outlets: one entity under
// many names, stories, one statement in many renderings, claims corroborated or contested, and each
// story's timeline, coverage matrix and digest.
export { linkBundle, linkStories, placeTouched, linkAssigned, assignStories, storyIdFor, claimIdf, addClaim, type LinkOptions, type Placement } from './link.js';
export { resolveEntities, mergeEntity, entityByAlias, personNameTokens, cleanPersonName, normaliseName, unitKey, type EntityResolution } from './entities.js';
export { clusterArticles, clusterDocuments, storyDocument, averageLink, storyTerms, dateFactor, dayNumber, collectionIdf, storyQueryWords, type StoryClusteringOptions, type StoryDocument } from './stories.js';
export { groupStatements, speakersCompatible, renderingSimilarity, type StatementOptions, type StatementResult } from './statements.js';
export { groupClaims, claimDays, quantitiesAgree, type ClaimContext, type ClaimGroupOptions } from './claims.js';
export { buildTimeline, buildCoverage, buildDigest, type StoryParts, type DigestOptions } from './story-details.js';
export { alignWords } from './alignment.js';
export { effectiveDay, medianDate } from './dates.js';
export { contentStems, wordTokens, stem, softContainment, trigramDice, Idf, tfidfVector, cosine, type SparseVector } from './text.js';
