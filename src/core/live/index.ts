export { type CorpusStatus, createLiveCorpus, type LiveCorpus, type LiveCorpusOptions, type ReloadOutcome } from './create-live-corpus.js';
export { type CorpusState, corpusChangedSince, type OpenCorpusOptions, type OpenStage, openCorpus } from './open-corpus.js';
export { isCorpusFile, statCorpusFiles } from './stat-corpus-files.js';
export { type FolderWatch, type WatchOptions, watchFolder } from './watch-folder.js';
