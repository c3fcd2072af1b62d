import { resolve } from 'node:path';
import type { PollFeedsOptions } from '../../../src/core/feeds/poll-feeds.js';
import { silentLogger } from '../../../src/core/logger.js';
import { readGazetteer } from '../../../src/core/names/load-gazetteer.js';

const { gazetteer } = readGazetteer(resolve(import.meta.dirname, '../../../seeds'));

/** One replica's pollDueFeeds options against fixture servers on 127.0.0.1: the seeds' people table, a silent log, the system clock unless `more` gives one. */
export function replicaPollOptions(
  store: PollFeedsOptions['store'],
  owner: string,
  more: Partial<PollFeedsOptions> = {},
): PollFeedsOptions {
  return { store, owner, clock: { now: () => new Date() }, allowPrivate: true, gazetteer: () => gazetteer, logger: silentLogger, ...more };
}
