import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSlackAdapter } from '../../../src/adapters/slack/start-slack-adapter.js';
import type { AnyCommand } from '../../../src/commands/command.js';
import { createHelpCommand } from '../../../src/commands/help-command.js';
import { lookupCommand } from '../../../src/commands/lookup-command.js';
import { FakeSlackApi } from '../../fakes/fake-slack-api.js';
import { RecordingLogger } from '../../fakes/slack-recording-logger.js';
import { blockActionPayload } from '../../fakes/slack-requests.js';
import { slackTestServices } from '../../fakes/slack-services.js';

const commands: AnyCommand[] = [createHelpCommand(() => commands), lookupCommand];

describe('Slack adapter in Socket Mode, against a fake Slack', () => {
  let fake: FakeSlackApi;

  beforeEach(async () => {
    fake = await FakeSlackApi.start();
    await fake.startSocket();
  });

  afterEach(async () => {
    await fake.close();
  });

  it('connects, acks a slash command envelope by id, answers on response_url, and stops after the socket closed', async () => {
    const logger = new RecordingLogger();
    const adapter = await startSlackAdapter({
      botToken: 'xoxb-socket',
      appToken: 'xapp-socket',
      port: 0,
      apiUrl: fake.apiUrl,
      services: slackTestServices({ logger }),
      commands,
      logger,
    });
    expect(adapter.state()).toBe('running');
    expect(adapter.port).toBeUndefined();
    expect(fake.callsOf('apps.connections.open')[0]!.authorization).toBe('Bearer xapp-socket');

    fake.sendEnvelope({
      envelope_id: 'env-1',
      type: 'slash_commands',
      accepts_response_payload: true,
      payload: {
        team_id: 'T0FAKE',
        channel_id: 'C0GENERAL',
        user_id: 'U0ASKER',
        command: '/lookup',
        text: 'terrorism',
        response_url: fake.responseUrl('socket-1'),
        trigger_id: 'socket-trigger-1',
        api_app_id: 'A0READOUT',
      },
    });
    await fake.waitFor(() => fake.socketMessages.some((m) => m['envelope_id'] === 'env-1'));
    await fake.waitFor(() => fake.responsesTo('socket-1').length === 1);
    expect(JSON.stringify(fake.responsesTo('socket-1')[0]!.body['blocks'])).toContain('*terrorism*');

    // A button on that answer arrives as an `interactive` envelope; a redelivery of the command is acked, not rerun.
    const blocks = fake.responsesTo('socket-1')[0]!.body['blocks'] as { type: string; elements?: { action_id: string; value: string }[] }[];
    const more = blocks
      .flatMap((b) => (b.type === 'actions' ? (b.elements ?? []) : []))
      .find((e) => e.action_id.startsWith('readout:more'))!;
    const payload = blockActionPayload({
      actionId: more.action_id,
      value: more.value,
      responseUrl: fake.responseUrl('socket-2'),
      triggerId: 'socket-trigger-2',
      ephemeral: true,
    });
    fake.sendEnvelope({ envelope_id: 'env-2', type: 'interactive', accepts_response_payload: false, payload });
    fake.sendEnvelope({
      envelope_id: 'env-3',
      type: 'slash_commands',
      retry_attempt: 1,
      retry_reason: 'timeout',
      accepts_response_payload: true,
      payload: {
        team_id: 'T0FAKE',
        channel_id: 'C0GENERAL',
        user_id: 'U0ASKER',
        command: '/lookup',
        text: 'terrorism',
        response_url: fake.responseUrl('socket-1'),
        trigger_id: 'socket-trigger-1',
      },
    });
    await fake.waitFor(() => fake.responsesTo('socket-2').length === 1);
    await fake.waitFor(() => ['env-2', 'env-3'].every((id) => fake.socketMessages.some((m) => m['envelope_id'] === id)));
    expect(fake.responsesTo('socket-2')[0]!.body['replace_original']).toBe(true);
    // The guard logs before it acks, so by env-3's ack the redelivery is known to have been dropped.
    expect(logger.messages('info')).toContain('slack duplicate request ignored');
    expect(fake.responsesTo('socket-1')).toHaveLength(1);

    await adapter.stop();
    expect(adapter.state()).toBe('stopped');
    await fake.waitFor(() => fake.socketConnections === 0);
  });

  it.each([
    ['the bot token', 'auth.test', /SLACK_BOT_TOKEN \(invalid_auth\)/],
    ['the app token', 'apps.connections.open', /Socket Mode could not connect \(invalid_auth\)/],
  ])('fails to start with a message naming %s when Slack refuses it', async (_name, method, message) => {
    fake.script(method, { body: { ok: false, error: 'invalid_auth' } });
    const logger = new RecordingLogger();
    await expect(
      startSlackAdapter({
        botToken: 'xoxb-socket',
        appToken: 'xapp-socket',
        port: 0,
        apiUrl: fake.apiUrl,
        services: slackTestServices({ logger }),
        commands,
        logger,
      }),
    ).rejects.toThrow(message);
    // Reported once, by the caller (main prints "readout cannot start: …" with the cause), never here as well.
    expect(logger.messages('error'), 'the caller reports it').toEqual([]);
  });
});
