import { createProgressBar } from './adapters/console/progress-bar.js';
import type { Services } from './commands/command.js';
import type { Config } from './config.js';
import { loadCorpus } from './core/corpus/load-corpus.js';
import type { Logger } from './core/logger.js';
import { createQuoteBook } from './core/quotes/create-quote-book.js';
import { createSearchEngine } from './core/search/create-search-engine.js';
import { openStore } from './store/open-store.js';

export interface ServiceOptions {
  seedsDir: string;
  databaseUrl: string;
  cacheDir?: string;
  defaultTimezone: string;
  nearbyWindow: number;
  logger: Logger;
  /** Indexing progress, for a progress bar on a TTY. */
  onProgress?: (stage: 'load' | 'index', done: number, total: number) => void;
}

/** Builds the services from the configuration, with a progress bar on stderr when `progress` is set (a TTY). */
export async function buildServicesFromConfig(config: Config, logger: Logger, options: { progress: boolean }): Promise<Services> {
  const progress = options.progress ? createProgressBar(process.stderr) : undefined;
  const services = await buildServices({
    seedsDir: config.READOUT_SEEDS,
    databaseUrl: config.DATABASE_URL,
    cacheDir: config.READOUT_CACHE_DIR,
    defaultTimezone: config.READOUT_TIMEZONE,
    nearbyWindow: config.READOUT_NEARBY_DAYS,
    logger,
    ...(progress ? { onProgress: progress.update } : {}),
  });
  progress?.done();
  return services;
}

/** Loads the corpus, builds (or loads) the index, extracts quotes and opens the store: everything a command uses. */
export async function buildServices(options: ServiceOptions): Promise<Services> {
  const started = Date.now();
  const corpus = await loadCorpus(options.seedsDir, {
    onProgress: (done, total) => options.onProgress?.('load', done, total),
  });
  for (const warning of corpus.warnings) options.logger.warn({ file: warning.file, reason: warning.reason }, 'corpus warning');
  const search = createSearchEngine(corpus, {
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
    onProgress: (done, total) => options.onProgress?.('index', done, total),
  });
  const quotes = createQuoteBook(corpus);
  const store = await openStore(options.databaseUrl);
  options.logger.info(
    { documents: corpus.documents.length, quotes: quotes.all().length, skipped: corpus.warnings.length, durationMs: Date.now() - started },
    'corpus ready',
  );
  return {
    corpus,
    search,
    quotes,
    store,
    defaultTimezone: options.defaultTimezone,
    nearbyWindow: options.nearbyWindow,
    logger: options.logger,
  };
}
