import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiscordAdapter, startDiscordAdapter } from '../../../src/adapters/discord/start-discord-adapter.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FakeDiscord, type RecordedRequest } from '../../fakes/fake-discord.js';
import { fakeDiscordCommands, fakeDiscordServices } from '../../fakes/fake-discord-services.js';

const EPHEMERAL = 64;

/** Every message body the fake recorded must allow no mentions, and no text may form a live mention. */
function expectNoMentions(requests: RecordedRequest[]): void {
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    const body = request.path.endsWith('/callback') ? request.body.data : request.body;
    expect(body.allowed_mentions, `${request.method} ${request.path}`).toEqual({ parse: [] });
    const text = JSON.stringify(body.embeds ?? []);
    expect(text).not.toMatch(/@everyone|<@\d|(?<!\\\\)\*\*x\*\*/);
  }
}

function customIds(body: { components?: { components: { custom_id: string }[] }[] }): string[] {
  return (body.components ?? []).flatMap((row) => row.components.map((c) => c.custom_id));
}

describe.each([
  { mode: 'answered at once', deferAfterMs: 2_000 },
  { mode: 'deferred', deferAfterMs: 0 },
])('Discord interactions, $mode', ({ deferAfterMs }) => {
  let fake: FakeDiscord;
  let adapter: DiscordAdapter;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    adapter = await startDiscordAdapter({
      token: 'fake-token',
      applicationId: fake.applicationId,
      apiUrl: fake.apiUrl,
      services: fakeDiscordServices(),
      commands: fakeDiscordCommands(),
      logger: silentLogger,
      deferAfterMs,
    });
  });

  afterAll(async () => {
    expectNoMentions(fake.messageBodies());
    await adapter.stop();
    expect(adapter.state()).toBe('stopped');
    await fake.close();
  });

  /** The final message of an interaction: the direct reply, or the edit after a deferral. */
  async function finalMessage(sent: { id: string; token: string }, deferred: boolean): Promise<RecordedRequest> {
    if (!deferred) return fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    return fake.waitForRequest(
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${fake.applicationId}/${sent.token}/messages/@original`,
    );
  }

  it('identifies with the Guilds intent only', () => {
    expect(adapter.state()).toBe('running');
    expect(fake.identifies[0]?.intents).toBe(1);
  });

  it('answers /lookup privately with embeds, bold matches, citations and a button', async () => {
    const sent = fake.chatInput('lookup', [{ name: 'query', value: 'trade' }]);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    if (deferAfterMs === 0) expect(callback.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    else expect(callback.body).toMatchObject({ type: 4, data: { flags: EPHEMERAL } });
    const message = await finalMessage(sent, deferAfterMs === 0);
    const body = deferAfterMs === 0 ? message.body : message.body.data;
    expect(body.embeds[0].title).toBe('Results for trade');
    expect(body.embeds[1].description).toContain('**trade**');
    expect(body.embeds[1].description).toContain('@\u200beveryone <\u200b@123>');
    expect(body.embeds[1].description).toContain('\\*\\*x\\*\\*');
    expect(body.embeds[1].footer.text).toBe('doc0 ¶0 · 2024-05-17 · Beijing · MFA');
    expect(body.components[0].components[0]).toMatchObject({ type: 2, label: 'More results' });
    for (const id of customIds(body)) expect(id.length).toBeLessThanOrEqual(100);
  });

  it('answers a public reply publicly, moving it to a follow-up when the deferral guessed private', async () => {
    const sent = fake.chatInput('onthisday', [{ name: 'timezone', value: 'Asia/Almaty' }]);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    if (deferAfterMs > 0) {
      expect(callback.body.type).toBe(4);
      expect(callback.body.data.flags ?? 0).toBe(0);
      expect(callback.body.data.embeds[0].description).toBe('On this day in Asia/Almaty');
      return;
    }
    expect(callback.body).toEqual({ type: 5, data: { flags: EPHEMERAL } });
    const followUp = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${sent.token}`);
    expect(followUp.body.flags ?? 0).toBe(0);
    expect(followUp.body.embeds[0].description).toBe('On this day in Asia/Almaty');
    // The next deferral of the same command guesses public from the last answer.
    const again = fake.chatInput('onthisday', []);
    const second = await fake.waitForRequest((r) => r.path === `/interactions/${again.id}/${again.token}/callback`);
    expect(second.body.type).toBe(5);
    expect(second.body.data.flags ?? 0).toBe(0);
    const edit = await finalMessage(again, true);
    expect(edit.body.embeds[0].description).toBe('On this day in UTC');
    // Guessed public but answered privately: the public placeholder goes, the answer follows privately.
    const wrong = fake.chatInput('onthisday', [{ name: 'timezone', value: 'Nowhere/Nope' }]);
    const deleted = await fake.waitForRequest(
      (r) => r.method === 'DELETE' && r.path === `/webhooks/${fake.applicationId}/${wrong.token}/messages/@original`,
    );
    expect(deleted).toBeDefined();
    const privately = await fake.waitForRequest((r) => r.method === 'POST' && r.path === `/webhooks/${fake.applicationId}/${wrong.token}`);
    expect(privately.body.flags).toBe(EPHEMERAL);
    expect(privately.body.embeds[0].description).toBe('Unknown time zone');
  });

  it('answers every command of a burst once, deferring those queued behind others', async () => {
    const sent = Array.from({ length: 20 }, (_, i) => fake.chatInput('lookup', [{ name: 'query', value: `burst${i}` }]));
    for (const [i, one] of sent.entries()) {
      const callback = await fake.waitForRequest((r) => r.path === `/interactions/${one.id}/${one.token}/callback`);
      const deferred = callback.body.type === 5;
      if (deferAfterMs === 0) expect(deferred).toBe(true);
      const final = deferred ? (await finalMessage(one, true)).body : callback.body.data;
      expect(final.embeds[0].title).toBe(`Results for burst${i}`);
    }
    for (const one of sent) {
      const callbacks = fake.interactionRequests(one.token).filter((r) => r.path.endsWith('/callback'));
      expect(callbacks).toHaveLength(1);
    }
  });

  it('runs /readout subcommands', async () => {
    const sent = fake.chatInput('readout', [{ name: 'id', value: '000_4428246b8b720a03' }], { subcommand: 'doc' });
    const message = await finalMessage(sent, deferAfterMs === 0);
    const body = deferAfterMs === 0 ? message.body : message.body.data;
    expect(body.embeds[0].title).toBe('Document 000\\_4428246b8b720a03');
  });

  it('pages a reply too long for one message and shows the next page in place', async () => {
    const sent = fake.chatInput('lookup', [
      { name: 'query', value: 'trade' },
      { name: 'limit', value: 12 },
    ]);
    const message = await finalMessage(sent, deferAfterMs === 0);
    const body = deferAfterMs === 0 ? message.body : message.body.data;
    const total = JSON.stringify(body.embeds).length;
    expect(body.embeds.length).toBeLessThanOrEqual(10);
    expect(total).toBeLessThan(8_000);
    const pager = body.components[0].components[0];
    expect(pager.label).toMatch(/^More results \(2\/\d\)$/);
    // The command's own "more" waits for the last page.
    expect(customIds(body).filter((id) => id.startsWith('t:') || id.startsWith('a:'))).toEqual([]);
    const click = fake.button(pager.custom_id, { flags: EPHEMERAL, embeds: body.embeds, components: body.components });
    const update = await fake.waitForRequest((r) => r.path === `/interactions/${click.id}/${click.token}/callback`);
    expect(update.body.type).toBe(7);
    expect(update.body.data.embeds[0].title).not.toBe('Results for trade');
  });

  it('re-runs "More results" in place on a private message', async () => {
    const sent = fake.chatInput('lookup', [{ name: 'query', value: 'silk road' }]);
    const message = await finalMessage(sent, deferAfterMs === 0);
    const body = deferAfterMs === 0 ? message.body : message.body.data;
    const [more] = customIds(body);
    const click = fake.button(more ?? '', { flags: EPHEMERAL });
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${click.id}/${click.token}/callback`);
    if (deferAfterMs === 0) {
      expect(callback.body).toEqual({ type: 6 });
      const edit = await finalMessage(click, true);
      expect(edit.body.embeds[0].title).toBe(
        'Results for silk road page2 padding padding padding padding padding padding padding padding padding padding padding padding',
      );
    } else {
      expect(callback.body.type).toBe(7);
      expect(callback.body.data.embeds[0].title).toMatch(/^Results for silk road page2/);
    }
  });

  it('posts a quote to the channel on request, without the asker-only buttons', async () => {
    const sent = fake.chatInput('quote', [{ name: 'speaker', value: 'Xi Jinping' }]);
    const message = await finalMessage(sent, deferAfterMs === 0);
    const body = deferAfterMs === 0 ? message.body : message.body.data;
    expect(body.flags).toBe(deferAfterMs === 0 ? undefined : EPHEMERAL);
    expect(body.embeds[0].author.name).toBe('Xi Jinping');
    const labels = body.components[0].components.map((c: { label: string }) => c.label);
    expect(labels).toEqual(['Shuffle', 'Post to channel']);
    const post = body.components[0].components[1].custom_id;
    expect(post).toBe('a:post:quote:--id doc1:p3:s0');
    const click = fake.button(post, { flags: EPHEMERAL });
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${click.id}/${click.token}/callback`);
    if (deferAfterMs === 0) {
      expect(callback.body.type).toBe(5);
      expect(callback.body.data.flags ?? 0).toBe(0);
      const edit = await finalMessage(click, true);
      expect(edit.body.components).toEqual([]);
    } else {
      expect(callback.body.type).toBe(4);
      expect(callback.body.data.flags ?? 0).toBe(0);
      expect(callback.body.data.components).toEqual([]);
      expect(callback.body.data.embeds[0].description).toContain('We will deepen cooperation');
    }
  });

  it.each([
    { customId: 't:gone', text: 'This button is from an older message; run the command again.' },
    { customId: 'p:gone:1', text: 'This button is from an older message; run the command again' },
    { customId: 'zz', text: 'This button is from an older message; run the command again.' },
  ])('answers a stale or unknown button ($customId) privately', async ({ customId, text }) => {
    const click = fake.button(customId, { flags: EPHEMERAL });
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${click.id}/${click.token}/callback`);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].description).toContain(text);
  });

  it.each([
    { command: 'quote', focused: { name: 'speaker', value: 'xi' }, expected: ['Xi Jinping'] },
    { command: 'quote', focused: { name: 'speaker', value: 'tok' }, expected: ['Kassym-Jomart Tokayev'] },
    { command: 'onthisday', focused: { name: 'timezone', value: 'asia/alm' }, expected: ['Asia/Almaty'] },
    { command: 'readout', subcommand: 'doc', focused: { name: 'id', value: '' }, expected: ['000_4428246b8b720a03'] },
    { command: 'lookup', focused: { name: 'query', value: 'tr' }, expected: [] },
  ])('autocompletes $command $focused.name from "$focused.value"', async ({ command, subcommand, focused, expected }) => {
    const sent = fake.autocomplete(command, focused, subcommand ? { subcommand } : {});
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(callback.body.type).toBe(8);
    expect(callback.body.data.choices.map((c: { value: string }) => c.value)).toEqual(expected);
  });

  it('offers at most 25 speakers when nothing is typed', async () => {
    const sent = fake.autocomplete('quote', { name: 'speaker', value: '' });
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    expect(callback.body.data.choices).toHaveLength(25);
    expect(callback.body.data.choices[0]).toEqual({ name: 'Xi Jinping', value: 'Xi Jinping' });
  });
});
