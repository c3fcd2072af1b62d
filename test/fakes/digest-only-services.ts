import type { Services } from '../../src/commands/command.js';
import { silentLogger } from '../../src/core/logger.js';
import type { Store } from '../../src/core/store/index.js';
import { seedLikeCorpus } from '../core/calendar/corpus-fixture.js';

/** Services for /digest over `store` and the seed-like corpus; search and quotes, which /digest never uses, throw. */
export function digestOnlyServices(store: Store, nearbyWindow = 7): Services {
  const unused = () => {
    throw new Error('not used by /digest');
  };
  return {
    corpus: seedLikeCorpus,
    search: { search: unused, countMatches: unused, suggest: () => [] },
    quotes: {
      all: () => [],
      byId: () => undefined,
      bySpeaker: unused,
      about: unused,
      random: () => undefined,
      speakers: () => [],
      strongestIn: () => undefined,
      inDocument: () => [],
    },
    store,
    defaultTimezone: 'UTC',
    nearbyWindow,
    logger: silentLogger,
  };
}
