export { createSearchEngine, DEFAULT_LIMIT, MAX_LIMIT, type SearchEngineOptions } from './create-search-engine.js';
export { createTextIndex, type TextIndex } from './create-text-index.js';
export { FILTER_KEYS, type FilterKey } from './parse-query.js';
export { FILTER_HELP, searchMessages } from './search-messages.js';
export type { MatchCounts, SearchEngine, SearchHit, SearchOptions, SearchResult } from './search-types.js';
