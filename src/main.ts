import { createConsolePoster } from './adapters/console/console-poster.js';
import { localUserName } from './adapters/console/local-user-name.js';
import { startConsole } from './adapters/console/start-console.js';
import { startDiscordAdapter } from './adapters/discord/start-discord-adapter.js';
import { startDigestScheduler } from './adapters/scheduler/start-digest-scheduler.js';
import { startSlackAdapter } from './adapters/slack/start-slack-adapter.js';
import { buildServicesFromConfig } from './build-services.js';
import { parseStartArgs } from './cli/start-args.js';
import { createContext } from './commands/create-context.js';
import { commands } from './commands/registry.js';
import { isInteractive, loadConfig } from './config.js';
import { systemClock } from './core/clock.js';
import type { DigestPoster } from './core/digest/digest-types.js';
import { createLogger } from './logging/create-logger.js';
import { startLiveReload } from './start-live-reload.js';
import { startRetentionSweep } from './store/start-retention-sweep.js';

interface RunningPart {
  name: string;
  state(): string;
  stop(): Promise<void>;
}

/**
 * The composition root: reads config, builds the core, starts every adapter whose credentials are set
 * (or the console when none is), runs the digest scheduler, and shuts down cleanly on SIGTERM/SIGINT.
 * Resolves with the exit code.
 */
export async function main(argv: string[] = []): Promise<number> {
  const args = parseStartArgs(argv);
  // Listen first: a SIGTERM that arrives while the corpus loads must still end in a clean shutdown.
  const stopSignal = new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
  const config = loadConfig(undefined, args.seeds ? { READOUT_SEEDS: args.seeds } : {});
  const chatConfigured = Boolean(config.SLACK_BOT_TOKEN || config.DISCORD_TOKEN);
  const interactive = isInteractive();
  const format = config.LOG_FORMAT === 'auto' ? (interactive ? 'pretty' : 'json') : config.LOG_FORMAT;
  // In console mode the terminal is the user's: only problems are logged there unless asked for more.
  const level = !chatConfigured && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL;
  const logger = createLogger({ level, format });
  const services = await buildServicesFromConfig(config, logger, { progress: interactive && Boolean(process.stderr.isTTY) });

  const parts: RunningPart[] = [];
  const posters: DigestPoster[] = [];
  const health = () => ({
    status: 'ok',
    documents: services.corpus.documents.length,
    corpus: services.live?.status() ?? 'ready',
    adapters: Object.fromEntries(parts.map((part) => [part.name, part.state()])),
  });

  let consoleSession: ReturnType<typeof startConsole> | undefined;
  try {
    if (config.SLACK_BOT_TOKEN) {
      const slack = await startSlackAdapter({
        botToken: config.SLACK_BOT_TOKEN,
        ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
        ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
        ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
        port: config.PORT,
        digestManagers: config.READOUT_DIGEST_MANAGERS,
        services,
        commands,
        logger: logger.child({ platform: 'slack' }),
        health,
      });
      parts.push({ name: 'slack', state: slack.state, stop: slack.stop });
      posters.push(slack.poster);
      logger.info({ mode: config.SLACK_APP_TOKEN ? 'socket' : 'http', port: slack.port }, 'slack adapter running');
    }
    if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
      const discord = await startDiscordAdapter({
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
        services,
        commands,
        logger: logger.child({ platform: 'discord' }),
      });
      parts.push({ name: 'discord', state: discord.state, stop: discord.stop });
      posters.push(discord.poster);
      logger.info({}, 'discord adapter running');
    }
  } catch (error) {
    logger.error({ err: error }, 'an adapter failed to start');
    await Promise.allSettled(parts.map((part) => part.stop()));
    await services.store.close();
    return 1;
  }

  if (!chatConfigured) {
    consoleSession = startConsole({
      commands,
      context: () =>
        createContext({ platform: 'console', workspace: 'local', channel: 'console', user: localUserName('console') }, services),
      input: process.stdin,
      output: process.stdout,
      color: interactive,
      terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    });
    posters.push(createConsolePoster((text) => consoleSession?.print(text), interactive));
  }

  const reloading = startLiveReload(services, { debounceMs: config.READOUT_WATCH_DEBOUNCE_MS, logger: logger.child({ part: 'corpus' }) });

  const scheduler = startDigestScheduler({
    store: services.store,
    posters,
    corpus: services.corpus,
    currentCorpus: () => services.corpus,
    strongestQuote: (docId) => services.quotes.strongestIn(docId),
    clock: systemClock,
    logger: logger.child({ part: 'digest' }),
    graceMs: config.READOUT_DIGEST_GRACE_HOURS * 3_600_000,
    nearbyWindow: services.nearbyWindow,
  });

  const retention = startRetentionSweep({
    store: services.store,
    retentionDays: config.READOUT_LEDGER_RETENTION_DAYS,
    logger: logger.child({ part: 'retention' }),
  });

  const consoleClosed = consoleSession ? consoleSession.closed.then(() => 'console closed') : new Promise<string>(() => {});
  const reason = await Promise.race([stopSignal, consoleClosed]);
  logger.info({ reason }, 'shutting down');
  consoleSession?.close();
  reloading.stop();
  await scheduler.stop();
  retention.stop();
  await Promise.allSettled(parts.map((part) => part.stop()));
  await services.store.close();
  return 0;
}
