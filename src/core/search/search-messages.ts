import { echoInput } from '../text/echo-input.js';
import type { Problem } from '../user-error.js';

/** The filters a query may use, in the order messages list them. */
export const FILTER_HELP = 'person: country: place: source: year:YYYY from:YYYY-MM-DD to:YYYY-MM-DD';

const EXAMPLE = 'e.g. `Kenya railway`, `"shared future"` or `terrorism person:Tokayev year:2023`';

/** Every user-facing message of the search engine, so their wording changes in one place. */
export const searchMessages = {
  emptyQuery(): Problem {
    return { code: 'empty-query', message: `Type a few words to look up, ${EXAMPLE}.` };
  },
  onlyStopwords(query: string): Problem {
    return {
      code: 'only-stopwords',
      message: `"${clip(query)}" has only very common words (the, of, and...) that say nothing about a topic. Add a name, place or subject, ${EXAMPLE}.`,
    };
  },
  noWords(query: string): Problem {
    return {
      code: 'no-words',
      message: `I found no words to look up in "${clip(query)}". Search with letters or numbers, ${EXAMPLE}.`,
    };
  },
  unknownFilter(key: string, suggestions: string[]): Problem {
    const hint = suggestions.length > 0 ? ` Did you mean \`${suggestions[0]}\`?` : '';
    return {
      code: 'unknown-filter',
      message: `\`${clip(key)}:\` is not a filter I know.${hint} Filters are ${FILTER_HELP}.`,
      suggestions,
    };
  },
  missingValue(key: string): Problem {
    return { code: 'missing-filter-value', message: `\`${key}:\` needs a value right after the colon, ${valueExample(key)}.` };
  },
  badYear(value: string): Problem {
    return { code: 'bad-year', message: `"${clip(value)}" is not a year. \`year:\` takes four digits, e.g. \`year:2023\`.` };
  },
  badDate(key: string, value: string): Problem {
    return {
      code: 'bad-date',
      message: `"${clip(value)}" is not a real calendar date. \`${key}:\` takes YYYY-MM-DD, e.g. \`${key}:2023-05-17\`.`,
    };
  },
  reversedRange(from: string, to: string): Problem {
    return {
      code: 'reversed-date-range',
      message: `\`from:${from}\` is after \`to:${to}\`, so no date can match. Swap them, e.g. \`from:${to} to:${from}\`.`,
    };
  },
  unknownValue(key: string, value: string, suggestions: string[]): Problem {
    const known = suggestions.length > 0 ? ` Try ${suggestions.map((name) => `\`${key}:"${name}"\``).join(', ')}.` : '';
    return {
      code: `unknown-${key}`,
      message: `No ${noun(key)} in the corpus matches "${clip(value)}".${known}`,
      suggestions,
    };
  },
};

function noun(key: string): string {
  return key === 'source' ? 'source' : key;
}

function valueExample(key: string): string {
  switch (key) {
    case 'person':
      return 'e.g. `person:Tokayev`';
    case 'country':
      return 'e.g. `country:Kenya`';
    case 'place':
      return 'e.g. `place:Astana`';
    case 'source':
      return 'e.g. `source:Xinhua`';
    case 'year':
      return 'e.g. `year:2023`';
    default:
      return `e.g. \`${key}:2023-05-17\``;
  }
}

/** Echoes user text back without flooding the channel. */
function clip(text: string): string {
  return echoInput(text, 60);
}
