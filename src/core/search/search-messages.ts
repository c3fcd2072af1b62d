import { echoInput } from '../text/echo-input.js';
import type { Problem } from '../user-error.js';

/** The filters a query may use, in the order messages list them. */
export const FILTER_HELP = 'person: country: place: source: year:YYYY from:YYYY-MM-DD to:YYYY-MM-DD';

const EXAMPLE = 'e.g. `Kenya railway`, `"shared future"` or `terrorism person:Tokayev year:2023`';

/** Every user-facing message of the search engine, so their wording changes in one place. */
export const searchMessages = {
  termsUnreadable(code: string): string {
    return `terms.json could not be read (${code}); acronyms are learned from the documents only`;
  },
  termsInvalid(detail: string): string {
    return `terms.json is not a table of acronyms and long forms like {"SGR": ["Standard Gauge Railway"]} (${detail}); it was ignored`;
  },
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
  unknownDocument(id: string, known: string[], ambiguous: boolean): Problem {
    const list = known.map((docId) => `\`${docId}\``).join(', ');
    return {
      code: 'unknown-document',
      message: ambiguous
        ? `"${clip(id)}" starts several document ids: ${list}. Type more of the id.`
        : `No document has the id "${clip(id)}". Documents: ${list}.`,
      suggestions: known,
    };
  },
  unknownValue(key: string, value: string, suggestions: string[], known: string[] = []): Problem {
    const hint =
      suggestions.length > 0
        ? ` Try ${suggestions.map((name) => `\`${key}:"${name}"\``).join(', ')}.`
        : known.length > 0
          ? ` ${capitalise(plural(key))} in the corpus: ${listed(known)}.`
          : '';
    return {
      code: `unknown-${key}`,
      message: `No ${noun(key)} in the corpus matches "${clip(value)}".${hint}`,
      suggestions,
    };
  },
  filtersMatchNothing(filters: readonly { key: string; value: string }[], known: { key: string; values: string[] }[]): Problem {
    const asked = filters.map((filter) => `\`${filter.key}:${clip(filter.value)}\``).join(' ');
    const values = known
      .filter((entry) => entry.values.length > 0)
      .map((entry) => `${plural(entry.key)} ${listed(entry.values)}`)
      .join('; ');
    return {
      code: 'no-filter-match',
      message: `No document matches ${asked}.${values ? ` The corpus has ${values}.` : ''}`,
    };
  },
};

function plural(key: string): string {
  switch (key) {
    case 'from':
    case 'to':
      return 'dates';
    case 'person':
      return 'people';
    case 'country':
      return 'countries';
    default:
      return `${key}s`;
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** At most eight values, then how many more. */
function listed(values: readonly string[]): string {
  const shown = values.slice(0, 8).join(', ');
  return values.length > 8 ? `${shown} and ${values.length - 8} more` : shown;
}

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
