import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import type { AutocompleteSource, Services } from '../../commands/command.js';
import { discordLimits as limits } from './discord-limits.js';
import { truncateText } from './truncate-text.js';

let timeZones: string[] | undefined;

/** Autocomplete choices for what the user has typed so far: at most 25, names and values within 100 characters. */
export function suggestChoices(
  source: AutocompleteSource,
  typed: string,
  services: Pick<Services, 'search' | 'quotes'>,
): ApplicationCommandOptionChoiceData<string>[] {
  const prefix = typed.trim().slice(0, limits.choiceValue);
  const values = candidates(source, prefix, services);
  const seen = new Set<string>();
  const choices: ApplicationCommandOptionChoiceData<string>[] = [];
  for (const value of values) {
    // A value Discord cannot carry back is no use as a choice.
    if (!value || value.length > limits.choiceValue || seen.has(value)) continue;
    seen.add(value);
    choices.push({ name: truncateText(value, limits.choiceName), value });
    if (choices.length >= limits.autocompleteChoices) break;
  }
  return choices;
}

function candidates(source: AutocompleteSource, prefix: string, services: Pick<Services, 'search' | 'quotes'>): string[] {
  switch (source) {
    case 'speaker':
      return rank(
        services.quotes.speakers().map((s) => s.speaker),
        prefix,
      );
    case 'timezone':
      timeZones ??= Intl.supportedValuesOf('timeZone');
      return rank(timeZones, prefix);
    default:
      return services.search.suggest(source, prefix, limits.autocompleteChoices);
  }
}

/** Keeps the names containing the typed text, those starting with it (or one of their words) first; all of them when nothing is typed. */
function rank(names: string[], prefix: string): string[] {
  const wanted = prefix.toLowerCase();
  if (!wanted) return names;
  const starts: string[] = [];
  const words: string[] = [];
  const contains: string[] = [];
  for (const name of names) {
    const lower = name.toLowerCase();
    if (lower.startsWith(wanted)) starts.push(name);
    else if (lower.split(/[\s/_-]+/).some((word) => word.startsWith(wanted))) words.push(name);
    else if (lower.includes(wanted)) contains.push(name);
  }
  return [...starts, ...words, ...contains];
}
