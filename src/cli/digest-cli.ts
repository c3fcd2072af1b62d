import { hostname } from 'node:os';
import { parseArgs } from 'node:util';
import { createConsolePoster } from '../adapters/console/console-poster.js';
import { commands } from '../commands/registry.js';
import { isInteractive } from '../config.js';
import { parseIsoDate } from '../core/calendar/parse-iso-date.js';
import { systemClock } from '../core/clock.js';
import { runDigests } from '../core/digest/run-digests.js';
import { UserError } from '../core/user-error.js';
import { openCliRuntime } from './cli-runtime.js';
import { printJson } from './print-json.js';
import { type CliChannel, runDeclaredCommand } from './run-declared-command.js';
import { storeCliMessages } from './store-cli-messages.js';

const CHANNEL_FLAGS = ['platform', 'workspace', 'channel'] as const;
const STORE_ACTIONS = ['export', 'import', 'log'] as const;

/**
 * `readout digest subscribe|unsubscribe|pause|resume|status|list|preview|run`: the console channel by default,
 * any platform channel with --platform/--workspace/--channel (for operators). `run [--date D]` posts due
 * (or that date's) digests now, exactly once per channel and date, through the ledger. `export`, `import`
 * and `log` move subscriptions between stores and read the delivery log (digest-store-cli.ts).
 */
export async function runDigestCli(argv: string[]): Promise<number> {
  const action = STORE_ACTIONS.find((name) => argv[0] === name);
  if (action) {
    // These read the store only, and take --platform/--workspace/--channel as filters, not as "which channel".
    const cli = await import('./digest-store-cli.js');
    const run = { export: cli.runExportCli, import: cli.runImportCli, log: cli.runLogCli }[action];
    return run(argv.slice(1));
  }
  const { channel, rest } = takeChannelFlags(argv);
  if (rest[0] === 'run') return runNow(rest.slice(1));
  const command = commands.find((c) => c.name === 'digest')!;
  return runDeclaredCommand(commands, command, rest, channel);
}

function takeChannelFlags(argv: string[]): { channel: CliChannel; rest: string[] } {
  const channel: CliChannel = { platform: 'console', workspace: 'local', channel: 'console' };
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') ? (arg.slice(2).split('=', 2) as [string, string | undefined]) : ['', undefined];
    if (!(CHANNEL_FLAGS as readonly string[]).includes(flag)) {
      rest.push(arg);
      continue;
    }
    const value = inline ?? argv[++i];
    if (!value) throw new UserError('missing_value', `--${flag} needs a value.`);
    if (flag === 'platform') {
      if (value !== 'slack' && value !== 'discord' && value !== 'console') {
        throw new UserError('bad_platform', `--platform takes slack, discord or console, not "${value}".`);
      }
      channel.platform = value;
    } else if (flag === 'workspace') {
      channel.workspace = value;
    } else {
      channel.channel = value;
    }
  }
  return { channel, rest };
}

async function runNow(argv: string[]): Promise<number> {
  let values: { date?: string; json?: boolean; seeds?: string };
  try {
    values = parseArgs({
      args: argv,
      options: { date: { type: 'string' }, json: { type: 'boolean' }, seeds: { type: 'string' } },
      strict: true,
    }).values;
  } catch (error) {
    throw new UserError(
      'bad_arguments',
      `readout digest run accepts --date YYYY-MM-DD, --json and --seeds DIR (${error instanceof Error ? error.message : error}).`,
    );
  }
  let forDate: string | undefined;
  if (values.date) {
    const parsed = parseIsoDate(values.date);
    if (!parsed.ok) throw new UserError(parsed.problem.code, parsed.problem.message);
    forDate = parsed.date;
  }
  const runtime = await openCliRuntime({ seeds: values.seeds, json: Boolean(values.json) });
  const color = isInteractive() && !values.json;
  const print = (text: string) => (values.json ? process.stderr : process.stdout).write(`${text}\n`);
  // Loaded only here: the other digest actions should not pay for the Slack and Discord SDKs.
  const { createPlatformPosters } = await import('./create-platform-posters.js');
  const platformPosters = await createPlatformPosters(runtime.config, runtime.logger);
  try {
    const summary = await runDigests({
      store: runtime.services.store,
      posters: [createConsolePoster(print, color), ...platformPosters.posters],
      corpus: runtime.services.corpus,
      strongestQuote: (docId) => runtime.services.quotes.strongestIn(docId),
      clock: systemClock,
      owner: `${hostname()}:${process.pid}:cli`,
      graceMs: runtime.config.READOUT_DIGEST_GRACE_HOURS * 3_600_000,
      nearbyWindow: runtime.config.READOUT_NEARBY_DAYS,
      logger: runtime.logger,
      ...(forDate ? { forDate } : {}),
    });
    // `no_poster` alone says nothing to an operator: name what is missing.
    for (const slot of summary.slots)
      if (slot.outcome === 'no_poster' && !slot.reason) slot.reason = storeCliMessages.noPoster(slot.platform);
    if (values.json) {
      printJson(summary);
    } else if (summary.slots.length === 0) {
      print('No digest was due (no active subscriptions, or none due now).');
    } else {
      for (const slot of summary.slots) {
        print(
          `${slot.key}: ${slot.outcome}${slot.messageId ? ` (message ${slot.messageId})` : ''}${slot.reason ? ` — ${slot.reason}` : ''}`,
        );
      }
    }
    return summary.slots.some((slot) => slot.outcome === 'failed') ? 1 : 0;
  } finally {
    await platformPosters.close();
    await runtime.services.store.close();
  }
}
