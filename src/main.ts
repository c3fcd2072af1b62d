import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { consoleAdapter } from './adapters/console/console-adapter.js';
import { createConsolePoster } from './adapters/console/console-poster.js';
import { localUserName } from './adapters/console/local-user-name.js';
import { startConsole } from './adapters/console/start-console.js';
import { startDiscordAdapter } from './adapters/discord/start-discord-adapter.js';
import { INTERACTIONS_PATH, startDiscordHttp } from './adapters/discord/start-discord-http.js';
import { startAnnouncementSweep } from './adapters/scheduler/start-announcement-sweep.js';
import { startDigestScheduler } from './adapters/scheduler/start-digest-scheduler.js';
import { startFeedPoller } from './adapters/scheduler/start-feed-poller.js';
import { slackApiBase } from './adapters/slack/create-slack-digest-poster.js';
import { resumeAfterReinstall } from './adapters/slack/handle-uninstall.js';
import { createSlackInstallationStore } from './adapters/slack/slack-installation-store.js';
import { REDIRECT_PATH, type SlackDistribution, startSlackAdapter } from './adapters/slack/start-slack-adapter.js';
import { buildServicesFromConfig } from './build-services.js';
import { parseStartArgs } from './cli/start-args.js';
import type { Services } from './commands/command.js';
import { createContext } from './commands/create-context.js';
import { commands } from './commands/registry.js';
import { type Config, isInteractive, loadConfig } from './config.js';
import { systemClock } from './core/clock.js';
import type { Logger } from './core/logger.js';
import type { PlatformAdapter } from './core/platform-adapter.js';
import { createTokenSealer, parseTokenKey } from './core/secrets/token-sealer.js';
import { createLogger } from './logging/create-logger.js';
import { createDivertibleDestination } from './logging/divertible-destination.js';
import { createMetrics } from './ops/create-metrics.js';
import { describeStartupError } from './ops/describe-startup-error.js';
import { digestLiveness } from './ops/digest-liveness.js';
import { opsPortFor } from './ops/ops-port.js';
import { opsPageSource } from './ops/page/ops-page-source.js';
import { createReadiness } from './ops/readiness.js';
import { startReplicaHeartbeat } from './ops/replica-heartbeat.js';
import { type OpsServer, startOpsServer } from './ops/start-ops-server.js';
import { withSlotTimes } from './ops/with-slot-times.js';
import { startLiveReload } from './start-live-reload.js';
import { sqlitePathOf } from './store/open-store.js';
import { startRetentionSweep } from './store/start-retention-sweep.js';

export interface MainOptions {
  /** The environment to configure from; process.env (and `.env`) when absent. */
  env?: Record<string, string | undefined>;
  /** Resolves with a reason to shut down; SIGTERM or SIGINT when absent. */
  stop?: Promise<string>;
  /** Told the public port once /healthz listens, and the ops port when READOUT_OPS_PORT is set (tests use 0 for both). */
  onOpsListening?: (port: number, opsPort?: number) => void;
}

/**
 * The composition root: reads config, opens the ops endpoints (when a platform is configured), builds
 * the core, starts every adapter whose credentials are set (or the console when none is), runs the digest
 * scheduler, and shuts down cleanly on SIGTERM/SIGINT. Resolves with the exit code: 0 after a requested
 * stop (also one during start-up), 1 when start-up fails or a platform connection is lost for good.
 */
export async function main(argv: string[] = [], options: MainOptions = {}): Promise<number> {
  const args = parseStartArgs(argv);
  // Listen first: a SIGTERM that arrives while the corpus loads must still end in a clean shutdown.
  const stopSignal = options.stop ?? listenForSignals();
  let stopReason: string | undefined;
  void stopSignal.then((reason) => {
    stopReason = reason;
  });
  const config = loadConfig(options.env, args.seeds ? { READOUT_SEEDS: args.seeds } : {});
  const slackConfigured = Boolean(config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID);
  const chatConfigured = Boolean(slackConfigured || config.DISCORD_TOKEN);
  const interactive = isInteractive();
  const format = config.LOG_FORMAT === 'auto' ? (interactive ? 'pretty' : 'json') : config.LOG_FORMAT;
  // In console mode the terminal is the user's: only problems are logged there unless asked for more.
  const level = !chatConfigured && config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL;
  const logLines = createDivertibleDestination(process.stderr);
  const logger = createLogger({ level, format, destination: logLines.stream });
  const readiness = createReadiness();
  const metrics = chatConfigured ? createMetrics() : undefined;

  // Every platform this process serves, behind the one adapter port.
  const adapters: PlatformAdapter[] = [];
  let fatal: (reason: string) => void = () => {};
  const fatalClose = new Promise<string>((resolve) => {
    fatal = resolve;
  });
  let ops: OpsServer | undefined;
  let privateOps: OpsServer | undefined;
  let services: Services | undefined;
  const cleanUp = async () => {
    await Promise.allSettled(adapters.map((adapter) => adapter.stop()));
    await services?.store.close();
    await ops?.close();
    await privateOps?.close();
  };

  try {
    if (metrics) {
      const port = opsPortFor(config.PORT, config.SHARDS);
      const opsLogger = logger.child({ part: 'ops' });
      // The public port (Slack posts there) says only "ok"; details and metrics go to the operator's port.
      ops = await startOpsServer({
        port,
        exposure: 'public',
        token: config.READOUT_OPS_PORT === undefined ? config.READOUT_OPS_TOKEN : undefined,
        pageToken: config.READOUT_OPS_PORT === undefined ? config.READOUT_OPS_TOKEN : undefined,
        readiness,
        metrics,
        logger: opsLogger,
      });
      if (config.READOUT_OPS_PORT !== undefined) {
        privateOps = await startOpsServer({
          port: opsPortFor(config.READOUT_OPS_PORT, config.SHARDS),
          host: config.READOUT_OPS_HOST,
          portName: 'READOUT_OPS_PORT',
          exposure: 'private',
          // /ops is open on a loopback ops port; opened wider, it needs the token.
          pageToken: config.READOUT_OPS_TOKEN,
          readiness,
          metrics,
          logger: opsLogger,
        });
      }
      options.onOpsListening?.(ops.port, privateOps?.port);
    }
    const loadStarted = Date.now();
    services = await buildServicesFromConfig(config, logger, { progress: interactive && Boolean(process.stderr.isTTY) });
    if (metrics) services.metrics = metrics;
    readiness.setCorpus({ loaded: true, documents: services.corpus.documents.length });
    // Quotes are extracted in the background (live reload warms them), so only documents are counted here.
    metrics?.corpusLoaded({ documents: services.corpus.documents.length, seconds: (Date.now() - loadStarted) / 1000 });
    services.live?.onSwap((_state, outcome) => {
      if (outcome.kind !== 'reloaded') return;
      readiness.setCorpus({ loaded: true, documents: outcome.documents });
      metrics?.corpusLoaded({ documents: outcome.documents, seconds: outcome.durationMs / 1000 });
    });
    const store = services.store;
    const served = services;
    const pageSource = opsPageSource({
      store,
      readiness,
      databaseUrl: config.DATABASE_URL,
      corpus: () => served.corpus,
      live: served.live,
      pacing: () => adapters.map((adapter) => adapter.poster.pacing),
    });
    ops?.servePage(pageSource);
    privateOps?.servePage(pageSource);
    readiness.addCheck('store', async () => {
      await store.listSubscriptions({ status: 'active', limit: 1 });
      return { ok: true };
    });
    if (stopReason) return await stoppedDuringStartUp(logger, stopReason, cleanUp);
    // Each configured platform counts for readiness from the start: "starting" is not ready.
    const configured = [...(slackConfigured ? ['slack'] : []), ...(config.DISCORD_TOKEN ? ['discord'] : [])];
    for (const name of configured) {
      readiness.addCheck(name, () => {
        const state = adapters.find((adapter) => adapter.name === name)?.state() ?? 'starting';
        return { ok: state === 'running', detail: state };
      });
    }

    if (slackConfigured) {
      const slackLogger = logger.child({ platform: 'slack' });
      const slack = await startSlackAdapter({
        ...(config.SLACK_BOT_TOKEN ? { botToken: config.SLACK_BOT_TOKEN } : {}),
        ...(config.SLACK_CLIENT_ID ? { distribution: slackDistribution(config, services, slackLogger) } : {}),
        ...(config.SLACK_SIGNING_SECRET ? { signingSecret: config.SLACK_SIGNING_SECRET } : {}),
        ...(config.SLACK_APP_TOKEN ? { appToken: config.SLACK_APP_TOKEN } : {}),
        ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
        port: config.PORT,
        // HTTP mode shares the ops server's port: /slack/events beside /healthz, /readyz and /metrics.
        ...(ops ? { mount: ops.mount } : {}),
        digestManagers: config.READOUT_DIGEST_MANAGERS,
        services,
        commands,
        logger: slackLogger,
      });
      adapters.push(slack);
      const mode = config.SLACK_CLIENT_ID ? 'distribution' : config.SLACK_APP_TOKEN ? 'socket' : 'http';
      logger.info({ mode, port: ops?.port }, 'slack adapter running');
    }
    if (stopReason) return await stoppedDuringStartUp(logger, stopReason, cleanUp);
    if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID && config.DISCORD_PUBLIC_KEY && ops) {
      // HTTP interactions: no gateway; any replica behind a load balancer can answer any interaction.
      const discord = startDiscordHttp({
        publicKey: config.DISCORD_PUBLIC_KEY,
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
        services,
        commands,
        logger: logger.child({ platform: 'discord' }),
      });
      const unmount = ops.mount(discord.listener, INTERACTIONS_PATH);
      adapters.push({
        ...discord,
        stop: async () => {
          unmount();
          await discord.stop();
        },
      });
      logger.info({ mode: 'http', path: INTERACTIONS_PATH, port: ops.port }, 'discord adapter running');
    } else if (config.DISCORD_TOKEN && config.DISCORD_APPLICATION_ID) {
      const discord = await startDiscordAdapter({
        token: config.DISCORD_TOKEN,
        applicationId: config.DISCORD_APPLICATION_ID,
        ...(config.DISCORD_API_URL ? { apiUrl: config.DISCORD_API_URL } : {}),
        digestRequestsPerSecond: config.READOUT_DISCORD_REQUESTS_PER_SECOND,
        services,
        commands,
        logger: logger.child({ platform: 'discord' }),
        onFatal: (reason) => {
          readiness.fail(reason);
          fatal(reason);
        },
      });
      adapters.push(discord);
      logger.info({ mode: 'gateway' }, 'discord adapter running');
    }
    if (stopReason) return await stoppedDuringStartUp(logger, stopReason, cleanUp);
  } catch (error) {
    const { message, expected } = describeStartupError(error, config.DATABASE_URL);
    // An operator's mistake gets one line; the stack is for LOG_LEVEL=debug (the logger keeps it there).
    logger.error({ err: error, expected }, `readout cannot start: ${message}`);
    await cleanUp();
    return 1;
  }
  const ready = services;

  let consoleSession: ReturnType<typeof startConsole> | undefined;
  if (!chatConfigured) {
    consoleSession = startConsole({
      commands,
      context: () => createContext({ platform: 'console', workspace: 'local', channel: 'console', user: localUserName('console') }, ready),
      input: process.stdin,
      output: process.stdout,
      color: interactive,
      terminal: Boolean(process.stdin.isTTY && process.stdout.isTTY),
      width: () => process.stdout.columns,
      height: () => process.stdout.rows,
    });
    const session = consoleSession;
    // On a terminal, log lines are printed above the prompt and the half-typed line is redrawn under them.
    if (process.stdin.isTTY && process.stdout.isTTY && process.stderr.isTTY) logLines.divert((text) => session.print(text));
    adapters.push(
      consoleAdapter(
        session,
        createConsolePoster(
          (text) => session.print(text),
          interactive,
          () => process.stdout.columns,
        ),
      ),
    );
  }

  const reloading = startLiveReload(ready, { debounceMs: config.READOUT_WATCH_DEBOUNCE_MS, logger: logger.child({ part: 'corpus' }) });

  const replicaId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const sqlitePath = sqlitePathOf(config.DATABASE_URL);
  const heartbeat = await startReplicaHeartbeat({
    store: ready.store,
    id: replicaId,
    serves: adapters.map((adapter) => adapter.poster.platform),
    ...(sqlitePath !== undefined && sqlitePath !== ':memory:' ? { sqlitePath } : {}),
    logger: logger.child({ part: 'replicas' }),
  });

  const scheduler = startDigestScheduler({
    owner: replicaId,
    store: ready.store,
    posters: adapters.map((adapter) => adapter.poster),
    corpus: ready.corpus,
    currentCorpus: () => ready.corpus,
    strongestQuote: (docId) => ready.quotes.strongestIn(docId),
    clock: systemClock,
    logger: logger.child({ part: 'digest' }),
    graceMs: config.READOUT_DIGEST_GRACE_HOURS * 3_600_000,
    ...(metrics
      ? {
          onRun: (summary) => {
            void withSlotTimes(summary, ready.store).then((timed) => metrics.digestRun(timed));
          },
        }
      : {}),
    nearbyWindow: ready.nearbyWindow,
  });

  metrics?.watchDigest(scheduler.health, () => systemClock.now());
  readiness.addLivenessCheck('digest', () => digestLiveness(scheduler.health(), systemClock.now()));

  // Each new readout (from a feed, /readout add, `readout ingest` anywhere) is posted to the channels that follow it,
  // once per channel, through the digest's ledger; the outbox row written with the document makes sure it is.
  const announcements = startAnnouncementSweep({
    store: ready.store,
    owner: replicaId,
    posters: adapters.map((adapter) => adapter.poster),
    clock: systemClock,
    gazetteer: () => ready.corpus.gazetteer,
    graceMs: config.READOUT_DIGEST_GRACE_HOURS * 3_600_000,
    logger: logger.child({ part: 'follow' }),
  });
  ready.live?.onSwap((_state, outcome) => {
    if (outcome.kind === 'reloaded') announcements.wake();
  });

  const feeds = startFeedPoller({
    store: ready.store,
    clock: systemClock,
    allowPrivate: config.READOUT_INGEST_ALLOW_PRIVATE,
    gazetteer: () => ready.corpus.gazetteer,
    logger: logger.child({ part: 'feeds' }),
    onAdded: () => announcements.wake(),
  });

  const retention = startRetentionSweep({
    store: ready.store,
    retentionDays: config.READOUT_LEDGER_RETENTION_DAYS,
    logger: logger.child({ part: 'retention' }),
  });

  const consoleClosed = consoleSession ? consoleSession.closed.then(() => 'console closed') : new Promise<string>(() => {});
  const failure = fatalClose.then((reason) => `fatal: ${reason}`);
  const reason = await Promise.race([stopSignal, consoleClosed, failure]);
  const failed = reason.startsWith('fatal: ');
  if (failed) logger.error({ reason }, 'shutting down: a platform connection is lost for good');
  else logger.info({ reason }, 'shutting down');
  logLines.divert(undefined);
  consoleSession?.close();
  reloading.stop();
  retention.stop();
  await feeds.stop();
  await announcements.stop();
  await scheduler.stop();
  await heartbeat.stop();
  await cleanUp();
  return failed ? 1 : 0;
}

/** Distribution mode's installation store: tokens sealed under READOUT_TOKEN_KEY, a reinstall resuming paused digests. */
function slackDistribution(config: Config, services: Services, logger: Logger): SlackDistribution {
  const store = services.store;
  const installations = createSlackInstallationStore({
    store,
    sealer: createTokenSealer(config.READOUT_TOKEN_KEY.map((key) => parseTokenKey(key) as Buffer)),
    clientId: config.SLACK_CLIENT_ID ?? '',
    clientSecret: config.SLACK_CLIENT_SECRET ?? '',
    apiUrl: slackApiBase(config.SLACK_API_URL),
    logger,
    onInstalled: async (record) => {
      await resumeAfterReinstall(store, record, logger);
    },
  });
  return {
    clientId: config.SLACK_CLIENT_ID ?? '',
    clientSecret: config.SLACK_CLIENT_SECRET ?? '',
    stateSecret: config.SLACK_STATE_SECRET ?? '',
    installations,
    ...(config.READOUT_PUBLIC_URL ? { redirectUri: `${config.READOUT_PUBLIC_URL.replace(/\/+$/, '')}${REDIRECT_PATH}` } : {}),
  };
}

function listenForSignals(): Promise<string> {
  return new Promise<string>((resolve) => {
    process.once('SIGTERM', () => resolve('SIGTERM'));
    process.once('SIGINT', () => resolve('SIGINT'));
  });
}

async function stoppedDuringStartUp(logger: Logger, reason: string, cleanUp: () => Promise<void>): Promise<number> {
  logger.info({ reason }, 'stopped during start-up');
  await cleanUp();
  return 0;
}
