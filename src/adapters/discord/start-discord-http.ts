import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Client, Events, type Interaction } from 'discord.js';
import { LRUCache } from 'lru-cache';
import type { AnyCommand, Services } from '../../commands/command.js';
import { type Clock, systemClock } from '../../core/clock.js';
import type { Logger } from '../../core/logger.js';
import type { AdapterState, PlatformAdapter } from '../../core/platform-adapter.js';
import { createHttpAnswers } from './answer-over-http.js';
import { createDiscordPoster } from './create-discord-poster.js';
import { createInteractionDeps } from './create-interaction-deps.js';
import { NO_MENTIONS } from './deliver-reply.js';
import { discordPlatformLimits } from './discord-limits.js';
import { discordMessages } from './discord-messages.js';
import { readBody } from './read-body.js';
import { routeInteraction } from './route-interaction.js';
import { discordPublicKey, SIGNATURE_MAX_AGE_SECONDS, verifyInteractionSignature } from './verify-interaction-signature.js';

/** Where Discord delivers interactions in HTTP mode, on PORT beside Slack's /slack/events. */
export const INTERACTIONS_PATH = '/discord/interactions';

export interface DiscordHttpOptions {
  /** The application's Ed25519 public key (hex), from the developer portal. */
  publicKey: string;
  /** The bot token: digests and follow-ups go out through REST with it; no gateway connection is opened. */
  token: string;
  applicationId: string;
  apiUrl?: string;
  services: Services;
  commands: readonly AnyCommand[];
  logger: Logger;
  clock?: Clock;
  random?: () => number;
  /** How long a command may run before the answer is a deferral (default 2000 ms; Discord waits 3 s). */
  deferAfterMs?: number;
}

/** Discord over HTTP interactions, as the adapter port, plus the request listener to mount. */
export interface DiscordHttpAdapter extends PlatformAdapter {
  /** Answers `POST /discord/interactions`. */
  listener(req: IncomingMessage, res: ServerResponse): void;
}

/** Discord's limit is 3 s; past this, a command that has not even deferred is reported and left to fail. */
const FIRST_ANSWER_DEADLINE_MS = 2_800;
/** Interaction payloads are a few kilobytes; anything far larger is not from Discord. */
const MAX_BODY_BYTES = 256 * 1024;
const INTERACTION_REQUESTS_PER_SECOND = 10_000;

/**
 * Discord over HTTP interactions: every request is checked against the application's public key before
 * it is parsed, PINGs are answered with PONG, and commands, autocomplete and buttons go to the same
 * handlers as over the gateway. discord.js builds its interaction objects from the verified payload (the
 * gateway's own path, without a gateway), so the handlers cannot tell the two apart; their first answer
 * becomes the HTTP response. Any replica can answer any interaction: button data lives in the store.
 */
export function startDiscordHttp(options: DiscordHttpOptions): DiscordHttpAdapter {
  const clock = options.clock ?? systemClock;
  const log = options.logger;
  const publicKey = discordPublicKey(options.publicKey);
  const deps = createInteractionDeps({
    commands: options.commands,
    services: options.services,
    logger: log,
    clock,
    random: options.random,
    deferAfterMs: options.deferAfterMs ?? 2_000,
  });
  const answers = createHttpAnswers();
  const client = new Client({
    intents: [],
    allowedMentions: NO_MENTIONS,
    rest: {
      globalRequestsPerSecond: INTERACTION_REQUESTS_PER_SECOND,
      makeRequest: answers.makeRequest,
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
    },
  });
  // The library's own INTERACTION_CREATE action: the class discord.js would build from a gateway event.
  const createInteraction = (client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions
    .InteractionCreate;
  const poster = createDiscordPoster({ token: options.token, apiUrl: options.apiUrl, logger: log, clock, tables: deps.tables });
  const metrics = options.services.metrics;
  let state: AdapterState = 'running';
  const seen = new LRUCache<string, true>({ max: 50_000, ttl: SIGNATURE_MAX_AGE_SECONDS * 2 * 1000 });
  /** Handlers at work, by interaction id. */
  const running = new Map<string, Promise<void>>();

  client.on(Events.InteractionCreate, (interaction: Interaction) => {
    const work = routeInteraction(interaction, deps)
      .catch((error: unknown) => {
        log.error({ err: error, interaction: interaction.id, type: interaction.type }, 'discord interaction failed');
      })
      .finally(() => running.delete(interaction.id));
    running.set(interaction.id, work);
  });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return sendJson(res, 405, { error: 'method not allowed' });
    const body = await readBody(req, MAX_BODY_BYTES);
    if (!body) return sendJson(res, 413, { error: 'request too large' });
    const verdict = verifyInteractionSignature({
      publicKey,
      signature: header(req, 'x-signature-ed25519'),
      timestamp: header(req, 'x-signature-timestamp'),
      body,
      nowSeconds: Math.floor(clock.now().getTime() / 1000),
    });
    if (verdict !== 'ok') {
      log.warn({ verdict }, 'discord interaction refused: invalid request signature');
      return sendJson(res, 401, { error: 'invalid request signature' });
    }
    let payload: { id?: unknown; type?: unknown; data?: { name?: unknown } };
    try {
      payload = JSON.parse(body.toString('utf8'));
    } catch {
      return sendJson(res, 400, { error: 'body is not JSON' });
    }
    if (!payload || typeof payload !== 'object') return sendJson(res, 400, { error: 'body is not an interaction' });
    if (payload.type === 1) return sendJson(res, 200, { type: 1 });
    if (state !== 'running') return sendJson(res, 503, { error: 'shutting down' });
    const id = String(payload.id ?? '');
    // A signed request is good for five minutes; the same interaction again within them is a replay (one answer each).
    if (seen.has(id)) return sendJson(res, 409, { error: 'interaction already received' });
    seen.set(id, true);
    const receivedAt = Date.now();
    answers.await(id, res);
    res.once('finish', () => {
      if (payload.type === 2 && typeof payload.data?.name === 'string') {
        metrics?.commandAcked({ command: payload.data.name, platform: 'discord', seconds: (Date.now() - receivedAt) / 1000 });
      }
    });
    const timer = setTimeout(() => {
      if (!answers.expire(id)) return;
      const refId = randomBytes(4).toString('hex');
      log.error({ refId, interaction: id }, 'discord interaction not answered within 3 seconds');
      sendJson(res, 500, { error: discordMessages.internalError(refId) });
    }, FIRST_ANSWER_DEADLINE_MS);
    res.once('close', () => clearTimeout(timer));
    createInteraction.handle(payload);
    const work = running.get(id);
    // A handler that ends without answering (an interaction type we do not serve) must not leave Discord waiting.
    void (work ?? Promise.resolve()).then(() => {
      if (answers.expire(id)) sendJson(res, 400, { error: 'unsupported interaction' });
    });
  };

  return {
    name: 'discord',
    limits: discordPlatformLimits,
    listener(req, res) {
      handle(req, res).catch((error: unknown) => {
        const refId = randomBytes(4).toString('hex');
        log.error({ refId, err: error }, 'discord interactions endpoint failed');
        if (!res.headersSent) sendJson(res, 500, { error: discordMessages.internalError(refId) });
        else res.end();
      });
    },
    poster,
    state: () => state,
    async stop() {
      if (state === 'stopped') return;
      state = 'stopped';
      // Commands already running may still edit their answers in before REST goes away.
      await Promise.allSettled([...running.values()]);
      poster.close();
      await client.destroy();
    },
  };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Answers once: a late path (the deadline, a handler that ended) finding the response already written leaves it be. */
function sendJson(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent || res.writableEnded) return;
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}
