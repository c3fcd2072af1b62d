import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SlackAdapter, startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.js';
import type { Services } from '../../../src/commands/command.js';
import { commands } from '../../../src/commands/registry.js';
import { FakeSlackApi } from '../../fakes/fake-slack-api.js';
import { seedServices } from '../../fakes/seed-services.js';
import { RecordingLogger } from '../../fakes/slack-recording-logger.js';
import { postSigned, slashCommandBody, type Who } from '../../fakes/slack-requests.js';

const SECRET = 'access-signing-secret';

/** Who may change a channel's digest on Slack: admins and owners (users.info), READOUT_DIGEST_MANAGERS, nobody in a DM. */
describe('Slack /digest permissions', () => {
  let fake: FakeSlackApi;
  let adapter: SlackAdapter;
  let services: Services;
  let events: string;
  let n = 0;

  beforeAll(async () => {
    fake = await FakeSlackApi.start();
    fake.users.set('U0MEMBER', {});
    fake.users.set('U0ADMIN', { is_admin: true });
    fake.users.set('U0OWNER', { is_owner: true });
    services = await seedServices();
    const logger = new RecordingLogger();
    adapter = await startSlackAdapter({
      botToken: 'xoxb-access',
      signingSecret: SECRET,
      port: 0,
      apiUrl: fake.apiUrl,
      services: { ...services, logger, operators: ['U0OPERATOR'] },
      commands,
      logger,
      digestManagers: ['U0LISTED'],
    });
    events = `http://127.0.0.1:${adapter.port}/slack/events`;
  });

  afterAll(async () => {
    await adapter?.stop();
    await fake?.close();
    await services?.store.close();
  });

  async function digest(text: string, who: Who): Promise<string> {
    const id = `access-${++n}`;
    const answer = await postSigned(
      events,
      slashCommandBody({ command: '/digest', text, responseUrl: fake.responseUrl(id), triggerId: id, ...who }),
      { secret: SECRET },
    );
    expect(answer.status).toBe(200);
    await fake.waitFor(() => fake.responsesTo(id).length >= 1);
    return JSON.stringify(fake.responsesTo(id)[0]!.body);
  }

  const subscription = (channel: string) => services.store.getSubscription({ platform: 'slack', workspace: 'T0FAKE', channel });

  it.each(['subscribe 09:00 Asia/Almaty', 'pause', 'resume', 'unsubscribe'])(
    'refuses "%s" from a member, saying who may, and changes nothing',
    async (text) => {
      await services.store.upsertSubscription({
        platform: 'slack',
        workspace: 'T0FAKE',
        channel: 'C0KEEP',
        time: '07:00',
        timezone: 'UTC',
        postEmpty: false,
      });
      const answer = await digest(text, { user: 'U0MEMBER', channel: 'C0KEEP' });
      expect(answer).toContain('Only workspace admins and owners');
      expect(answer).toContain('READOUT_DIGEST_MANAGERS');
      expect(await subscription('C0KEEP')).toMatchObject({ time: '07:00', status: 'active' });
    },
  );

  it.each([
    ['an admin', 'U0ADMIN', 'C0ADMIN'],
    ['an owner', 'U0OWNER', 'C0OWNER'],
    ['a listed manager', 'U0LISTED', 'C0LISTED'],
    ['an operator (READOUT_OPERATORS)', 'U0OPERATOR', 'C0OPERATOR'],
  ])('lets %s subscribe and pause', async (_who, user, channel) => {
    expect(await digest('subscribe 09:00 Asia/Almaty', { user, channel })).toContain('Subscribed');
    expect(await digest('pause', { user, channel })).toContain('Paused');
    expect(await subscription(channel)).toMatchObject({ time: '09:00', status: 'paused' });
  });

  it('keeps status and preview open to every member', async () => {
    expect(await digest('status', { user: 'U0MEMBER', channel: 'C0ADMIN' })).toContain('Digest paused');
    expect(await digest('preview', { user: 'U0MEMBER', channel: 'C0ADMIN' })).toContain('Preview only');
  });

  it('refuses a digest in a direct message or a group DM, even for an admin', async () => {
    expect(await digest('subscribe 09:00 UTC', { user: 'U0ADMIN', channel: 'D0DIRECT', channelName: 'directmessage' })).toContain(
      'not direct messages',
    );
    expect(await digest('subscribe 09:00 UTC', { user: 'U0ADMIN', channel: 'G0GROUP', channelName: 'mpdm-a--b-1' })).toContain(
      'not direct messages',
    );
    expect(await subscription('D0DIRECT')).toBeUndefined();
    expect(await subscription('G0GROUP')).toBeUndefined();
  });

  it('refuses, and says why, when Slack cannot tell the asker’s role', async () => {
    const answer = await digest('subscribe 09:00 UTC', { user: 'U0GHOST', channel: 'C0GHOST' });
    expect(answer).toContain('did not tell us whether you are a workspace admin');
    expect(await subscription('C0GHOST')).toBeUndefined();
  });
});
