export type { Intent, WeightedTerm } from './analyze/draft.js';
export { analyze, queryStages, TEXT_STAGES } from './analyze/pipeline.js';
export { type AnalysedQuery, KbSearch, MAX_QUERY_CHARS } from './kbSearch.js';
export { type OpenOptions, openKbSearch } from './open.js';
export { SEARCH_DEFAULTS, type SearchOptions } from './options.js';
export { buildRecords, type SearchRecords } from './records.js';
export type { SearchHit, SearchResult } from './result.js';
