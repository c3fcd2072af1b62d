import { expect } from 'vitest';
import { type SlackAdapter, startSlackAdapter } from '../../src/adapters/slack/start-slack-adapter.js';
import type { Services } from '../../src/commands/command.js';
import { commands } from '../../src/commands/registry.js';
import { FakeSlackApi, type ResponsePost } from './fake-slack-api.js';
import { seedServices } from './seed-services.js';
import { RecordingLogger } from './slack-recording-logger.js';
import { postSigned } from './slack-requests.js';

/** The Slack adapter with the real declarations over the seed corpus, talking to a fake Slack Web API. */
export interface SeededSlack {
  fake: FakeSlackApi;
  adapter: SlackAdapter;
  services: Services;
  logger: RecordingLogger;
  /** The adapter's Events API URL. */
  events: string;
  /** Posts `body(id)` signed for a fresh id, expects a 200, and waits until `responses` posts reach that id's response_url. */
  send(body: (id: string) => string, responses?: number): Promise<ResponsePost[]>;
  /** Stops the adapter, closes the fake and the store. */
  stop(): Promise<void>;
}

/** Starts the fake Slack, the seed services and the adapter; `name` marks the bot token, signing secret and request ids. */
export async function startSeededSlack(name: string): Promise<SeededSlack> {
  const secret = `${name}-signing-secret`;
  const fake = await FakeSlackApi.start();
  const logger = new RecordingLogger();
  const services = await seedServices().catch(async (error: unknown) => {
    await fake.close();
    throw error;
  });
  const adapter = await startSlackAdapter({
    botToken: `xoxb-${name}`,
    signingSecret: secret,
    port: 0,
    apiUrl: fake.apiUrl,
    services: { ...services, logger },
    commands,
    logger,
  }).catch(async (error: unknown) => {
    await fake.close();
    await services.store.close();
    throw error;
  });
  const events = `http://127.0.0.1:${adapter.port}/slack/events`;
  let n = 0;
  return {
    fake,
    adapter,
    services,
    logger,
    events,
    async send(body, responses = 1) {
      const id = `${name}-${++n}`;
      const answer = await postSigned(events, body(id), { secret });
      expect(answer.status).toBe(200);
      await fake.waitFor(() => fake.responsesTo(id).length >= responses);
      return fake.responsesTo(id);
    },
    async stop() {
      await adapter.stop();
      await fake.close();
      await services.store.close();
    },
  };
}
