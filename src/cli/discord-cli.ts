import { parseArgs } from 'node:util';
import { registerDiscordCommands } from '../adapters/discord/register-discord-commands.js';
import { INTERACTIONS_PATH } from '../adapters/discord/start-discord-http.js';
import { commands } from '../commands/registry.js';
import { loadConfig } from '../config.js';
import { UserError } from '../core/user-error.js';
import { printJson } from './print-json.js';

/** `readout discord register [--guild ID] [--json]`: registers the slash commands and prints what changed. */
export async function runDiscordCli(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (action !== 'register') {
    throw new UserError('bad_arguments', 'Usage: readout discord register [--guild ID] [--json]');
  }
  let values: { guild?: string; json?: boolean };
  try {
    values = parseArgs({ args: rest, options: { guild: { type: 'string' }, json: { type: 'boolean' } }, strict: true }).values;
  } catch (error) {
    throw new UserError(
      'bad_arguments',
      `readout discord register accepts --guild ID and --json (${error instanceof Error ? error.message : error}).`,
    );
  }
  if (values.guild !== undefined && !/^\d{5,25}$/.test(values.guild)) {
    throw new UserError(
      'bad_guild',
      `--guild takes a server's numeric id (Developer Mode → right-click the server → Copy Server ID), not "${values.guild}".`,
    );
  }
  const config = loadConfig();
  if (!config.DISCORD_TOKEN || !config.DISCORD_APPLICATION_ID) {
    throw new UserError(
      'discord_not_configured',
      'Set DISCORD_TOKEN and DISCORD_APPLICATION_ID (in the environment or .env) to register the commands.',
    );
  }
  const changes = await registerDiscordCommands({
    token: config.DISCORD_TOKEN,
    applicationId: config.DISCORD_APPLICATION_ID,
    apiUrl: config.DISCORD_API_URL,
    guildId: values.guild,
    commands,
  });
  // HTTP interactions mode: the address Discord must deliver to, for the developer portal's "Interactions Endpoint URL".
  const endpoint = config.DISCORD_PUBLIC_KEY
    ? `${config.READOUT_PUBLIC_URL?.replace(/\/+$/, '') ?? 'https://YOUR-HOST'}${INTERACTIONS_PATH}`
    : undefined;
  if (values.json) {
    printJson({
      scope: values.guild ? { guild: values.guild } : 'global',
      ...changes,
      ...(endpoint ? { interactionsEndpoint: endpoint } : {}),
    });
    return 0;
  }
  const scope = values.guild ? `server ${values.guild}` : 'all servers (global commands can take up to an hour to appear)';
  const line = (label: string, names: string[]) => (names.length ? `${label}: ${names.map((n) => `/${n}`).join(', ')}` : undefined);
  const lines = [
    `Discord commands for ${scope}:`,
    line('  created', changes.created),
    line('  updated', changes.updated),
    line('  deleted', changes.deleted),
    line('  unchanged', changes.unchanged),
  ].filter((l): l is string => l !== undefined);
  if (changes.created.length + changes.updated.length + changes.deleted.length === 0) lines.push('  Nothing to change.');
  if (endpoint) {
    lines.push('', 'Interactions Endpoint URL (developer portal → General Information):', `  ${endpoint}`);
    if (!config.READOUT_PUBLIC_URL)
      lines.push('  Set READOUT_PUBLIC_URL to the address Discord reaches this process at to print it in full.');
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}
