export { buildDocument } from './build-document.js';
export { corpusMessages } from './corpus-messages.js';
export { type CorpusDescription, type DocumentDescription, describeCorpus } from './describe-corpus.js';
export { DEFAULT_MAX_BYTES, type LoadCorpusOptions, loadCorpus } from './load-corpus.js';
export { type Sidecar, sidecarSchema } from './sidecar-schema.js';
export { splitSentences } from './split-sentences.js';
export type { TextSpan } from './text-span.js';
