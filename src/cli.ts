import type { AnyCommand } from './commands/command.js';
import { commandMessages } from './commands/command-messages.js';
import { nearestName } from './commands/nearest-name.js';
import { commands } from './commands/registry.js';
import { ConfigError, loadConfig, wantsStacks } from './config.js';
import { UserError } from './core/user-error.js';
import { describeStartupError } from './ops/describe-startup-error.js';

const USAGE = `readout: a corpus of diplomatic readouts in Slack, Discord and the terminal.

Usage: readout <command> [options]

  start                      Run the configured chat adapters, or the console when none is configured (npm start);
                             the seeds folder is watched, and SIGHUP or /readout reload reloads it
  corpus [--json]            List the documents with their metadata and warnings
  lookup <query...>          Search: --limit N --offset N --doc ID --json; no query + piped stdin = one JSON line per query
  quote [--speaker NAME]     Quotes: --about TEXT --random --limit N --all --json
  speakers [--json]          Speakers with their quote counts
  onthisday [date]           On this day (2025-04-24, 04-24, 24 April, April 24, today): --tz ZONE --window N --json
  timeline <query...>        Matches per year or month: --by year|month --from DATE --to DATE; --json, --csv, --svg FILE, --png FILE
  doc <id> [range]           One document, e.g. readout doc 002 2-4
  digest <action>            subscribe HH:MM ZONE | unsubscribe | pause | resume | status | list | preview | run [--date]
                             (--platform slack|discord|console --workspace ID --channel ID pick the channel)
  digest export [--json]     Every subscription as one JSON line (for import into another store)
  digest import FILE|-       Create or update subscriptions from such lines; bad lines are reported by number
  digest log                 Delivery log, newest first: --date YYYY-MM-DD --platform P --workspace W --channel C --limit N --json
  ingest URL|FILE|-          Add a readout to the store (a web page, an HTML or text file, stdin); --json
  feeds add|list|remove URL  Feeds polled for new readouts: add [--backfill N], list [--json], remove
  discord register           Register the slash commands with Discord: --guild ID for one server (instant)
  slack installations        Slack workspaces readout is installed in (distribution mode): --json; never a token
  slack rotate-key           Re-seal every stored Slack token with the first key of READOUT_TOKEN_KEY
  help [command]             This text, or every option of one command (also: readout <command> --help)

Every command takes --seeds DIR (default ./seeds, or READOUT_SEEDS).`;

/** Routes `readout <command>` to its handler and turns every expected failure into a message and an exit code. */
async function run(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  // Routes load lazily: a one-shot lookup should not pay for loading the Slack and Discord SDKs.
  if (!name || name === 'start') {
    const code = await (await import('./main.js')).main(rest);
    // A clean shutdown is complete here; stdin or a library's idle handle must not keep the process alive.
    process.exit(code);
  }
  if (name === 'help' || name === '--help' || name === '-h') {
    const topic = commands.find((c: AnyCommand) => c.name === rest[0]?.replace(/^\//, '').toLowerCase());
    if (topic) {
      process.stdout.write(`${(await import('./cli/run-declared-command.js')).cliHelp(topic)}\n`);
      return 0;
    }
    const { terminalWidth } = await import('./cli/run-declared-command.js');
    const { wrapText } = await import('./adapters/console/wrap-text.js');
    // Table rows continue under their description column; the width is the terminal's (80 when piped).
    const usage = USAGE.split('\n').map((line) => wrapText(line, terminalWidth(), /^ {2}\S/.test(line) ? 29 : undefined));
    if (rest[0]) process.stderr.write(`readout has no command "${rest[0]}".\n\n`);
    process.stdout.write(`${usage.join('\n')}\n`);
    return rest[0] ? 2 : 0;
  }
  if (name === 'corpus') return (await import('./cli/corpus-cli.js')).runCorpusCommand(rest);
  if (name === 'lookup') return (await import('./cli/lookup-cli.js')).runLookupCli(rest);
  if (name === 'timeline') return (await import('./cli/timeline-cli.js')).runTimelineCli(rest);
  if (name === 'digest') return (await import('./cli/digest-cli.js')).runDigestCli(rest);
  if (name === 'ingest') return (await import('./cli/ingest-cli.js')).runIngestCli(rest);
  if (name === 'discord') return (await import('./cli/discord-cli.js')).runDiscordCli(rest);
  if (name === 'slack') return (await import('./cli/slack-cli.js')).runSlackCli(rest);
  const command = commands.find((c: AnyCommand) => c.name === name);
  if (command) return (await import('./cli/run-declared-command.js')).runDeclaredCommand(commands, command, rest);
  const known = [
    'start',
    'corpus',
    'lookup',
    'quote',
    'speakers',
    'onthisday',
    'timeline',
    'doc',
    'digest',
    'ingest',
    'feeds',
    'discord',
    'slack',
    'help',
  ];
  process.stderr.write(`${commandMessages.unknownCliCommand(name, nearestName(name, known))}\n\n${USAGE}\n`);
  return 2;
}

try {
  process.exitCode = await run(process.argv.slice(2));
} catch (error) {
  if (error instanceof UserError || error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } else {
    // An operator's mistake (a file that is not a database, a port in use) is one line; a stack only at LOG_LEVEL=debug.
    const { message, expected } = describeStartupError(error, databaseUrlForMessages());
    const stack = wantsStacks() && error instanceof Error && error.stack ? `\n${error.stack}` : '';
    process.stderr.write(`readout failed: ${message}${stack}\n`);
    process.exitCode = expected ? 1 : 70;
  }
}

function databaseUrlForMessages(): string {
  try {
    return loadConfig().DATABASE_URL;
  } catch {
    return 'DATABASE_URL';
  }
}
