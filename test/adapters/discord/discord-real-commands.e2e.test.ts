import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHANNEL, DEFAULT_GUILD, FAKE_PERMISSIONS, type RecordedRequest } from '../../fakes/fake-discord.js';
import { type SeededDiscord, startSeededDiscord } from '../../fakes/start-seeded-discord.js';

/** The real declarations over the bundled seeds, through discord.js and the fake Discord. */
describe('Discord adapter with the real commands and seeds', () => {
  let discord: SeededDiscord;

  beforeAll(async () => {
    discord = await startSeededDiscord({ random: () => 0.5 });
  });

  afterAll(async () => {
    for (const request of discord?.fake.messageBodies() ?? []) {
      const body = request.path.endsWith('/callback') ? request.body.data : request.body;
      expect(body.allowed_mentions).toEqual({ parse: [] });
    }
    await discord?.stop();
  });

  it('answers /lookup with results and bold matches', async () => {
    const sent = discord.fake.chatInput('lookup', [{ name: 'query', value: 'cooperation' }]);
    const callback = await discord.answer(sent);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.flags).toBe(64);
    const text = JSON.stringify(callback.body.data.embeds);
    expect(text).toMatch(/\*\*[Cc]ooperation\*\*/);
    expect(callback.body.data.embeds.some((e: { footer?: { text: string } }) => e.footer?.text.includes('¶'))).toBe(true);
  });

  it('answers a user error privately with a friendly message', async () => {
    const sent = discord.fake.chatInput('quote', [{ name: 'speaker', value: 'nobody at all' }]);
    const callback = await discord.answer(sent);
    expect(callback.body.data.flags).toBe(64);
    expect(callback.body.data.embeds[0].color).toBe(0xe67e22);
  });

  it('answers /readout help', async () => {
    const sent = discord.fake.chatInput('readout', [], { subcommand: 'help' });
    const callback = await discord.answer(sent);
    expect(JSON.stringify(callback.body.data.embeds)).toContain('/lookup');
  });

  it('autocompletes speakers from the quote book', async () => {
    const sent = discord.fake.autocomplete('quote', { name: 'speaker', value: 'x' });
    const callback = await discord.answer(sent);
    expect(callback.body.type).toBe(8);
    expect(callback.body.data.choices.length).toBeGreaterThan(0);
    expect(callback.body.data.choices.length).toBeLessThanOrEqual(25);
  });

  it('shows a quote privately, then posts it to the channel on request', async () => {
    const sent = discord.fake.chatInput('quote', [{ name: 'speaker', value: 'xi' }]);
    const callback = await discord.answer(sent);
    expect(callback.body.data.flags).toBe(64);
    const buttons = callback.body.data.components.flatMap((row: { components: { label: string; custom_id: string }[] }) => row.components);
    const post = buttons.find((b: { label: string }) => /post/i.test(b.label));
    expect(post).toBeDefined();
    const click = discord.fake.button(post.custom_id, { flags: 64 });
    const posted = await discord.answer(click);
    expect(posted.body.type).toBe(4);
    expect(posted.body.data.flags ?? 0).toBe(0);
    // The same quote went to the channel: same words, same speaker label (or none, when the words name the speaker).
    expect(posted.body.data.embeds[0].description).toBe(callback.body.data.embeds[0].description);
    expect(posted.body.data.embeds[0].author?.name).toBe(callback.body.data.embeds[0].author?.name);
  });

  describe('who may change the digest', () => {
    const manager = (BigInt(FAKE_PERMISSIONS) | 16n).toString();
    const here = { platform: 'discord' as const, workspace: DEFAULT_GUILD, channel: DEFAULT_CHANNEL };
    const subscribe = [
      { name: 'action', value: 'subscribe' },
      { name: 'time', value: '09:00' },
      { name: 'timezone', value: 'Asia/Almaty' },
    ];
    const text = (callback: RecordedRequest) => JSON.stringify(callback.body.data.embeds);

    it('refuses a member without Manage Channels, saying who may, and changes nothing', async () => {
      const callback = await discord.answer(discord.fake.chatInput('digest', subscribe));
      expect(callback.body.data.flags).toBe(64);
      expect(text(callback)).toContain('Manage Channels');
      expect(await discord.services.store.getSubscription(here)).toBeUndefined();
    });

    it('lets a member with Manage Channels subscribe and pause; status stays open to everyone', async () => {
      const subscribed = await discord.answer(discord.fake.chatInput('digest', subscribe, { permissions: manager }));
      expect(text(subscribed)).toContain('Subscribed');
      expect(await discord.services.store.getSubscription(here)).toMatchObject({ time: '09:00', status: 'active' });
      const refused = await discord.answer(discord.fake.chatInput('digest', [{ name: 'action', value: 'pause' }]));
      expect(text(refused)).toContain('Manage Channels');
      const status = await discord.answer(discord.fake.chatInput('digest', [{ name: 'action', value: 'status' }]));
      expect(text(status)).toContain('Digest active');
      const paused = await discord.answer(discord.fake.chatInput('digest', [{ name: 'action', value: 'pause' }], { permissions: manager }));
      expect(text(paused)).toContain('Paused');
      expect(await discord.services.store.getSubscription(here)).toMatchObject({ status: 'paused' });
    });

    it('checks a digest button against the clicking member as Discord sends it, never against the custom_id', async () => {
      // Anyone can send any custom_id: the action in it is only what to run, never who may run it or where.
      const forged = ['a:post:digest:subscribe 09:00 UTC', 'a:share:digest:subscribe 09:00 UTC', 'a:more:digest:unsubscribe'];
      const other = { ...here, channel: '200000000000000777' };
      for (const customId of forged) {
        const refused = await discord.answer(discord.fake.button(customId, { flags: 64 }, { channelId: other.channel }));
        expect(text(refused)).toContain('Manage Channels');
      }
      expect(await discord.services.store.getSubscription(other)).toBeUndefined();
      const allowed = await discord.answer(
        discord.fake.button(forged[0]!, { flags: 64 }, { channelId: other.channel, permissions: manager }),
      );
      expect(text(allowed)).toContain('Subscribed');
      // It changed the channel the click came from, as Discord said, and nothing else.
      expect(await discord.services.store.getSubscription(other)).toMatchObject({ time: '09:00', timezone: 'UTC' });
      await discord.services.store.removeSubscription(other);
    });

    it.each([
      'a:post:__proto__:x',
      'a:__proto__:digest:list',
      't:__proto__',
      't:constructor',
      'p:__proto__:0',
      'a:post:readout:constructor',
    ])('answers a button with custom_id %s in words', async (customId) => {
      const callback = await discord.answer(discord.fake.button(customId, { flags: 64 }));
      expect(callback.body.data.flags).toBe(64);
      expect(text(callback)).not.toContain('Something went wrong');
    });

    it('refuses a digest in a direct message', async () => {
      const callback = await discord.answer(discord.fake.chatInput('digest', subscribe, { dm: true, permissions: manager }));
      expect(text(callback)).toContain('not direct messages');
      expect(await discord.services.store.listSubscriptions({ platform: 'discord' })).not.toContainEqual(
        expect.objectContaining({ workspace: 'dm' }),
      );
    });
  });
});
