import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, webApi } from '@slack/bolt';
import type { AnyCommand, Services } from '../../commands/command.js';
import { type Clock, systemClock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { PlatformAdapter } from '../../core/platform-adapter.js';
import { createTurnQueue } from '../../core/turn-queue.js';
import { ackVerifiedEvents } from './ack-verified-events.js';
import { boundRequestBodies } from './bound-request-bodies.js';
import { SLACK_SCOPES } from './build-manifest.js';
import { createButtonCodec } from './button-codec.js';
import { createInstallationsPoster } from './create-installations-poster.js';
import { createSlackDigestPoster, slackApiBase } from './create-slack-digest-poster.js';
import { registerUninstallListeners } from './handle-uninstall.js';
import { createInstallationClients } from './installation-clients.js';
import { registerListeners } from './register-listeners.js';
import { rejectFutureTimestamps } from './reject-future-timestamps.js';
import { replayGuard } from './replay-guard.js';
import { createResponseUrlCheck } from './response-url-check.js';
import { createSeenRequests } from './seen-requests.js';
import type { SlackDeps } from './slack-deps.js';
import { createSlackDigestAccess } from './slack-digest-access.js';
import type { SlackInstallations } from './slack-installation-store.js';
import { slackPlatformLimits } from './slack-limits.js';
import { toSlackLogger } from './slack-logger.js';
import { slackMessages } from './slack-messages.js';
import { slackWorkspaceId } from './slack-workspace-id.js';
import { createPictureUploader } from './upload-picture.js';

/** Distribution mode: any workspace installs readout through Bolt's OAuth flow; each request and digest uses its own token. */
export interface SlackDistribution {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  installations: SlackInstallations;
  /** The public https URL of /slack/oauth_redirect, when the app lists more than one redirect URL. */
  redirectUri?: string;
}

export interface SlackAdapterOptions {
  /** The single workspace's bot token; absent in distribution mode. */
  botToken?: string;
  distribution?: SlackDistribution;
  /** HTTP mode: verifies every request. Required when there is no appToken. */
  signingSecret?: string;
  /** Socket Mode: an `xapp-` token; when set, no HTTP endpoint is opened. */
  appToken?: string;
  /** HTTP mode port; 0 picks a free one (see `SlackAdapter.port`). */
  port: number;
  /** Web API base URL (GovSlack, tests); defaults to https://slack.com/api/. */
  apiUrl?: string;
  services: Services;
  commands: readonly AnyCommand[];
  logger: Logger;
  clock?: Clock;
  /**
   * HTTP mode on a server someone else owns (the ops server on PORT): the adapter hands it its request
   * listener for /slack/events instead of listening itself, and `port` is ignored. It returns the
   * unmount, called on stop so no event arrives while answers drain.
   */
  mount?: (listener: (req: IncomingMessage, res: ServerResponse) => void) => () => void;
  /** Slack user ids who may change a channel's digest besides workspace admins and owners (READOUT_DIGEST_MANAGERS). */
  digestManagers?: readonly string[];
  /** Bounds on unverified request bodies (HTTP mode); the defaults suit Slack, tests lower them. */
  limits?: { maxBodyBytes?: number; maxPendingBodies?: number; bodyDeadlineMs?: number };
}

export type SlackAdapterState = 'starting' | 'running' | 'stopped' | 'failed';

export interface SlackAdapter extends PlatformAdapter {
  /** The HTTP port actually listened on (HTTP mode), undefined in Socket Mode. */
  port: number | undefined;
  state(): SlackAdapterState;
}

const EVENTS_PATH = '/slack/events';
export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
/** Requests remembered for replay detection: Slack retries within minutes, three times at most. */
const SEEN_TTL_MS = 30 * 60 * 1000;
/** Interactive calls may retry once, quickly: a user waits on them. Digest posts never retry here. */
const INTERACTIVE_RETRIES = { retries: 1, factor: 1, minTimeout: 200, maxTimeout: 1000 };

/** The short Slack error code (`invalid_auth`, `not_allowed_token_type`) of a failed call, for start-up messages. */
function slackReason(error: unknown): string {
  const e = error as { data?: { error?: string }; message?: string } | undefined;
  return e?.data?.error ?? e?.message ?? String(error);
}

/** `ENOTFOUND slack.com` when a call never reached Slack (DNS, refused, timeout), so start-up does not blame the token. */
function unreachableReason(error: unknown, apiUrl: string | undefined): string | undefined {
  const e = error as { code?: string; original?: { code?: string; cause?: { code?: string } } } | undefined;
  if (e?.code !== 'slack_webapi_request_error') return undefined;
  const code = e.original?.code ?? e.original?.cause?.code ?? 'no answer';
  return `${code} ${new URL(apiUrl ?? 'https://slack.com/api/').hostname}`;
}

/** The HTTPReceiver options that turn on Bolt's install flow over our InstallationStore. */
function installerOptions(distribution: SlackDistribution, slackApiUrl: string | undefined) {
  return {
    clientId: distribution.clientId,
    clientSecret: distribution.clientSecret,
    stateSecret: distribution.stateSecret,
    installationStore: distribution.installations,
    scopes: [...SLACK_SCOPES],
    ...(distribution.redirectUri ? { redirectUri: distribution.redirectUri } : {}),
    installerOptions: {
      installPath: INSTALL_PATH,
      redirectUriPath: REDIRECT_PATH,
      directInstall: false,
      ...(slackApiUrl ? { clientOptions: { slackApiUrl } } : {}),
    },
  };
}

/**
 * Starts the Slack app: HTTP mode (POST /slack/events) with a signing secret, or Socket Mode
 * with an app token. Every slash command and button is acknowledged first, then answered through respond().
 */
export async function startSlackAdapter(options: SlackAdapterOptions): Promise<SlackAdapter> {
  const distribution = options.distribution;
  if (!options.botToken && !distribution) throw new Error(slackMessages.missingBotToken);
  const socketMode = Boolean(options.appToken) && !distribution;
  if (!socketMode && !options.signingSecret) throw new Error(slackMessages.missingSigningSecret);

  const clock = options.clock ?? systemClock;
  const logger = options.logger.child({ adapter: 'slack', mode: socketMode ? 'socket' : 'http' });
  const slackLogger = toSlackLogger(logger);
  const slackApiUrl = slackApiBase(options.apiUrl);
  let state: SlackAdapterState = 'starting';
  // One queue for the whole adapter: requests handed to Bolt and the commands they start take turns with each other.
  const queue = createTurnQueue();

  let app: App | undefined;
  const receiver: SocketModeReceiver | HTTPReceiver = socketMode
    ? new SocketModeReceiver({
        appToken: options.appToken!,
        logger: slackLogger,
        ...(slackApiUrl ? { installerOptions: { clientOptions: { slackApiUrl } } } : {}),
      })
    : new HTTPReceiver({
        signingSecret: options.signingSecret!,
        signatureVerification: true,
        // /slack/events is a route of this receiver (Bolt routes it, by the path as Bolt reads it); its handler
        // verifies with Bolt's own check on the exact bytes, then acknowledges before Bolt's listeners run.
        endpoints: [],
        customRoutes: [
          {
            path: EVENTS_PATH,
            method: 'POST',
            handler: ackVerifiedEvents({ signingSecret: options.signingSecret!, app: () => app!, queue, logger }),
          },
        ],
        logger: slackLogger,
        // Distribution mode: Bolt's own install flow (GET /slack/install, GET /slack/oauth_redirect) and authorize.
        ...(distribution ? installerOptions(distribution, slackApiUrl) : {}),
      });
  if (receiver instanceof HTTPReceiver) {
    const bounded = boundRequestBodies(receiver.requestListener, { logger, queue, ...options.limits });
    receiver.requestListener = rejectFutureTimestamps(bounded, clock, logger);
  }

  app = new App({
    ...(distribution ? {} : { token: options.botToken }),
    receiver,
    logger: slackLogger,
    // auth.test runs in init(), where a bad token is a start-up error rather than an unhandled rejection.
    deferInitialization: true,
    clientOptions: { ...(slackApiUrl ? { slackApiUrl } : {}), retryConfig: INTERACTIVE_RETRIES, timeout: 10_000 },
  });

  // One workspace: every call uses the app's client (the bot token); distribution mode: each workspace's own.
  const singleClient = app.client;
  const clients = distribution
    ? createInstallationClients({
        installations: distribution.installations,
        apiUrl: slackApiUrl,
        logger,
        clientOptions: { retryConfig: INTERACTIVE_RETRIES, timeout: 10_000 },
      })
    : undefined;
  const deps: SlackDeps = {
    commands: options.commands,
    services: options.services,
    clock,
    codec: createButtonCodec({
      clock,
      store: options.services.store,
      onStoreError: (error) => logger.warn({ err: error }, 'button data not saved to the store; only this process can answer it'),
    }),
    logger,
    digestAccess: createSlackDigestAccess({
      clientFor: clients ? (team) => clients.clientFor(team) : async () => singleClient,
      managers: options.digestManagers ?? [],
      logger,
    }),
    workspaceId: distribution ? slackWorkspaceId : (_enterprise, team) => team,
    uploadPicture: createPictureUploader(clients ? (team) => clients.clientFor(team) : async () => singleClient, logger),
    responseUrlAllowed: createResponseUrlCheck(slackApiUrl),
  };
  if (distribution) registerUninstallListeners(app, { installations: distribution.installations, store: options.services.store, logger });
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>, what: string) => {
    const tracked = work.catch((error: unknown) => logger.error({ err: error, what }, 'slack reply failed'));
    inFlight.add(tracked);
    void tracked.finally(() => inFlight.delete(tracked));
    return tracked;
  };

  app.use(replayGuard(createSeenRequests({ ttlMs: SEEN_TTL_MS, maxEntries: 10_000, clock }), logger));
  app.client.on(webApi.WebClientEvent.RATE_LIMITED, () => options.services.metrics?.rateLimited('slack'));
  registerListeners(app, deps, { track, queue });
  app.error(async (error) => {
    logger.error({ err: error }, 'slack listener error');
  });

  let port: number | undefined;
  let unmount: (() => void) | undefined;
  slackLogger.quiet(true);
  try {
    await app.init().catch((error: unknown) => {
      const unreachable = unreachableReason(error, slackApiUrl);
      throw new Error(unreachable ? slackMessages.unreachable(unreachable) : slackMessages.authFailed(slackReason(error)), {
        cause: error,
      });
    });
    if (receiver instanceof SocketModeReceiver) {
      await app.start().catch((error: unknown) => {
        throw new Error(slackMessages.socketFailed(slackReason(error)), { cause: error });
      });
      receiver.client.on('reconnecting', () => {
        if (state === 'running') state = 'starting';
      });
      receiver.client.on('connected', () => {
        if (state === 'starting') state = 'running';
      });
    } else if (options.mount) {
      unmount = options.mount(receiver.requestListener);
    } else {
      const server = (await app.start(options.port)) as Server;
      port = (server.address() as AddressInfo).port;
    }
    state = 'running';
    slackLogger.quiet(false);
    logger.info({ port }, 'slack adapter started');
  } catch (error) {
    state = 'failed';
    slackLogger.quiet(false);
    // Not logged here: the caller reports a start-up failure once, with this error and its cause.
    // A Socket Mode client would otherwise keep reconnecting in the background.
    if (receiver instanceof SocketModeReceiver) await receiver.client.disconnect().catch(() => {});
    throw error;
  }

  return {
    name: 'slack',
    limits: slackPlatformLimits,
    port,
    // The digest has its own client: no blind retries, 429s surface at once; the ledger schedules retries.
    poster: distribution
      ? createInstallationsPoster(
          createInstallationClients({
            installations: distribution.installations,
            apiUrl: slackApiUrl,
            logger,
            clientOptions: { retryConfig: { retries: 0 }, rejectRateLimitedCalls: true, timeout: 15_000 },
          }),
        )
      : createSlackDigestPoster({ botToken: options.botToken ?? '', apiUrl: slackApiUrl, logger }),
    state: () => state,
    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      unmount?.();
      // Let answers already being computed reach Slack before the connection goes.
      await Promise.allSettled([...inFlight]);
      if (receiver instanceof SocketModeReceiver) {
        // app.stop() returns before the socket is closed; the client says when it is.
        const client = receiver.client;
        const disconnected = new Promise<void>((resolve) => client.once('disconnected', () => resolve()));
        await app.stop();
        await disconnected;
      } else if (!options.mount) {
        await app.stop();
      }
      logger.info({}, 'slack adapter stopped');
    },
  };
}
