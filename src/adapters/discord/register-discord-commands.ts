import { type RESTPostAPIChatInputApplicationCommandsJSONBody, Routes } from 'discord.js';
import type { AnyCommand } from '../../commands/command.js';
import { buildDiscordCommands } from './build-discord-commands.js';
import { createDiscordRest } from './create-discord-rest.js';

export interface RegistrationChanges {
  created: string[];
  updated: string[];
  deleted: string[];
  unchanged: string[];
}

/**
 * Registers the slash commands globally, or in one guild (instant, for development): reads what Discord
 * has, compares, and overwrites the set with one bulk PUT only when something changed.
 */
export async function registerDiscordCommands(options: {
  token: string;
  applicationId: string;
  apiUrl?: string | undefined;
  guildId?: string | undefined;
  commands: readonly AnyCommand[];
}): Promise<RegistrationChanges> {
  const rest = createDiscordRest({ token: options.token, apiUrl: options.apiUrl, rest: { retries: 1, timeout: 15_000 } });
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.applicationId, options.guildId)
    : Routes.applicationCommands(options.applicationId);
  const wanted = buildDiscordCommands(options.commands);
  const existing = (await rest.get(route)) as Record<string, unknown>[];
  const changes = diffCommands(existing, wanted);
  if (changes.created.length + changes.updated.length + changes.deleted.length > 0) await rest.put(route, { body: wanted });
  return changes;
}

/** What a bulk overwrite with `wanted` changes, comparing only the fields we set (Discord adds ids, versions, defaults). */
export function diffCommands(
  existing: readonly Record<string, unknown>[],
  wanted: readonly RESTPostAPIChatInputApplicationCommandsJSONBody[],
): RegistrationChanges {
  const changes: RegistrationChanges = { created: [], updated: [], deleted: [], unchanged: [] };
  const byName = new Map(existing.filter((c) => (c.type ?? 1) === 1).map((c) => [String(c.name), c]));
  for (const command of wanted) {
    const current = byName.get(command.name);
    if (!current) changes.created.push(command.name);
    else if (canonical(current) === canonical(command as unknown as Record<string, unknown>)) changes.unchanged.push(command.name);
    else changes.updated.push(command.name);
    byName.delete(command.name);
  }
  changes.deleted.push(...byName.keys());
  return changes;
}

const OPTION_KEYS = [
  'type',
  'name',
  'description',
  'required',
  'choices',
  'min_value',
  'max_value',
  'min_length',
  'max_length',
  'autocomplete',
  'options',
];

function canonical(command: Record<string, unknown>): string {
  return JSON.stringify({
    name: command.name,
    description: command.description,
    options: normalizeOptions(command.options),
  });
}

/** Drops what Discord leaves out or fills in (false flags, empty lists, nulls) so equal commands compare equal. */
function normalizeOptions(options: unknown): unknown[] {
  if (!Array.isArray(options)) return [];
  return options.map((option: Record<string, unknown>) => {
    const out: Record<string, unknown> = {};
    for (const key of OPTION_KEYS) {
      const value = option[key];
      if (value === undefined || value === null || value === false) continue;
      if (key === 'options') {
        const nested = normalizeOptions(value);
        if (nested.length > 0) out.options = nested;
      } else if (key === 'choices') {
        if (Array.isArray(value) && value.length > 0)
          out.choices = value.map((c: { name: unknown; value: unknown }) => ({ name: c.name, value: c.value }));
      } else {
        out[key] = value;
      }
    }
    return out;
  });
}
