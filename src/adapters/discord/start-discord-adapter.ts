import { Client, Events, GatewayIntentBits, RESTEvents } from 'discord.js';
import type { AnyCommand, Services } from '../../commands/command.js';
import { type Clock, systemClock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { AdapterState, PlatformAdapter } from '../../core/platform-adapter.js';
import { createDiscordPoster } from './create-discord-poster.js';
import { createInteractionDeps } from './create-interaction-deps.js';
import { NO_MENTIONS } from './deliver-reply.js';
import { discordPlatformLimits } from './discord-limits.js';
import { discordMessages } from './discord-messages.js';
import { routeInteraction } from './route-interaction.js';

export interface DiscordAdapterOptions {
  token: string;
  applicationId: string;
  /** Replaces the REST base URL, without the version: `http://127.0.0.1:PORT/api`. */
  apiUrl?: string;
  /** Requests per second the bot's digests may make (READOUT_DISCORD_REQUESTS_PER_SECOND). */
  digestRequestsPerSecond?: number;
  services: Services;
  commands: readonly AnyCommand[];
  logger: Logger;
  clock?: Clock;
  random?: () => number;
  /** How long a command may run before the interaction is deferred (default 1500 ms; 0 always defers). */
  deferAfterMs?: number;
  /** How long to wait for the gateway's READY before giving up (default 60 s). */
  readyTimeoutMs?: number;
  /** Called once when the gateway closes for good after start-up, so the process can exit and be restarted. */
  onFatal?: (reason: string) => void;
}

/** Discord over the gateway, as the adapter port. */
export type DiscordAdapter = PlatformAdapter;

/** High enough never to throttle interaction answers; Discord's own per-route limits still apply through the library. */
const INTERACTION_REQUESTS_PER_SECOND = 10_000;

/**
 * Connects to the Discord gateway and answers slash commands, autocomplete and buttons. Resolves once
 * the client is ready; rejects (after cleaning up) when login fails. Works unchanged under discord.js's
 * ShardingManager: the client reads its shard ids from the environment the manager sets.
 */
export async function startDiscordAdapter(options: DiscordAdapterOptions): Promise<DiscordAdapter> {
  const clock = options.clock ?? systemClock;
  const log = options.logger;
  let state: AdapterState = 'starting';
  const deps = createInteractionDeps({
    commands: options.commands,
    services: options.services,
    logger: log,
    clock,
    random: options.random,
    deferAfterMs: options.deferAfterMs ?? 1_500,
  });
  const tables = deps.tables;
  const client = new Client({
    // Slash commands, autocomplete and buttons arrive as interactions; Guilds is the only intent they need.
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: NO_MENTIONS,
    // This client's REST sends only interaction responses and webhook edits, which Discord exempts from the
    // global rate limit; the library's client-side 50/s would hold a burst's answers back for seconds.
    // Channel posts (the digest) go through the poster's own REST client, which keeps the 50/s.
    rest: { globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND, ...(options.apiUrl ? { api: options.apiUrl } : {}) },
  });
  const poster = createDiscordPoster({
    token: options.token,
    apiUrl: options.apiUrl,
    logger: log,
    clock,
    tables,
    ...(options.digestRequestsPerSecond ? { requestsPerSecond: options.digestRequestsPerSecond } : {}),
  });

  // Ack latency: from receipt to Discord's answer to our first callback; 429s and retries of every REST call.
  const metrics = options.services.metrics;
  const awaitingAck = new Map<string, { command: string; at: number }>();
  client.rest.on(RESTEvents.Response, (request, response) => {
    if (response.status === 429) metrics?.rateLimited('discord');
    if (request.retries > 0) metrics?.retried('discord');
    const id = /\/interactions\/(\d+)\/[^/]+\/callback$/.exec(request.path)?.[1];
    const pending = id ? awaitingAck.get(id) : undefined;
    if (id && pending) {
      awaitingAck.delete(id);
      metrics?.commandAcked({ command: pending.command, platform: 'discord', seconds: (Date.now() - pending.at) / 1000 });
    }
  });
  client.on(Events.InteractionCreate, (interaction) => {
    if (metrics && interaction.isChatInputCommand()) {
      awaitingAck.set(interaction.id, { command: interaction.commandName, at: Date.now() });
      // Bounded: an interaction we never answered must not stay forever.
      if (awaitingAck.size > 1_000) awaitingAck.delete(awaitingAck.keys().next().value!);
    }
    void routeInteraction(interaction, deps).catch((error: unknown) => {
      log.error({ err: error, interaction: interaction.id, type: interaction.type }, 'discord interaction failed');
    });
  });
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord client error'));
  client.rest.on(RESTEvents.RateLimited, (info) =>
    log.warn({ global: info.global, route: info.route, retryAfterMs: info.retryAfter }, 'discord interaction answers rate limited'),
  );
  client.on(Events.ShardDisconnect, (event, shardId) => {
    // Emitted only for close codes discord.js will not reconnect from (bad token, disallowed intents).
    log.error({ code: event.code, shardId }, 'discord gateway closed for good');
    const wasRunning = state === 'running';
    state = 'failed';
    if (wasRunning) options.onFatal?.(discordMessages.gatewayClosed(event.code));
  });

  let timer: NodeJS.Timeout | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    timer = setTimeout(() => reject(new Error('discord gateway did not become ready in time')), options.readyTimeoutMs ?? 60_000);
    client.once(Events.ClientReady, () => {
      clearTimeout(timer);
      resolve();
    });
    client.once(Events.ShardDisconnect, (event) => {
      clearTimeout(timer);
      reject(new Error(`discord gateway closed with code ${event.code}`));
    });
  });
  // A login failure settles first; the ready promise must not then reject unobserved.
  ready.catch(() => {});
  try {
    await client.login(options.token);
    await ready;
  } catch (error) {
    clearTimeout(timer);
    state = 'failed';
    poster.close();
    await client.destroy();
    const unreachable = networkReason(error, options.apiUrl);
    throw unreachable ? new Error(discordMessages.unreachable(unreachable), { cause: error }) : error;
  }
  state = 'running';
  log.info({ user: client.user?.tag, shards: client.shard?.ids ?? [0], applicationId: options.applicationId }, 'discord ready');

  return {
    name: 'discord',
    limits: discordPlatformLimits,
    poster,
    state: () => state,
    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      poster.close();
      await client.destroy();
    },
  };
}

const NETWORK_CODES = /^(ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|UND_ERR_\w+)$/;

/** `ECONNREFUSED discord.com` when login never reached Discord, found down the error's cause chain. */
function networkReason(error: unknown, apiUrl: string | undefined): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.test(code)) return `${code} ${new URL(apiUrl ?? 'https://discord.com/api').hostname}`;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}
