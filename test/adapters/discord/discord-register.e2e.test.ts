import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDiscordCommands } from '../../../src/adapters/discord/build-discord-commands.js';
import { registerDiscordCommands } from '../../../src/adapters/discord/register-discord-commands.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';
import { fakeDiscordCommands } from '../../fakes/fake-discord-services.js';

describe('registerDiscordCommands against the fake', () => {
  let fake: FakeDiscord;
  beforeAll(async () => {
    fake = await FakeDiscord.start();
  });
  afterAll(async () => {
    await fake.close();
  });

  it.each([{ scope: 'global' }, { scope: '123456789012345678' }])(
    'creates, then leaves alone, then updates and deletes ($scope)',
    async ({ scope }) => {
      const guildId = scope === 'global' ? undefined : scope;
      const base = { token: 'fake-token', applicationId: fake.applicationId, apiUrl: fake.apiUrl, guildId };
      const path = guildId
        ? `/applications/${fake.applicationId}/guilds/${guildId}/commands`
        : `/applications/${fake.applicationId}/commands`;
      const puts = () => fake.requests.filter((r) => r.method === 'PUT' && r.path === path).length;

      const commands = fakeDiscordCommands();
      const first = await registerDiscordCommands({ ...base, commands });
      expect(first).toEqual({ created: ['lookup', 'quote', 'onthisday', 'readout'], updated: [], deleted: [], unchanged: [] });
      expect(fake.commands.get(scope)).toHaveLength(4);
      const put = fake.requests.find((r) => r.method === 'PUT' && r.path === path);
      expect(put?.body).toEqual(buildDiscordCommands(commands));

      const second = await registerDiscordCommands({ ...base, commands });
      expect(second).toEqual({ created: [], updated: [], deleted: [], unchanged: ['lookup', 'quote', 'onthisday', 'readout'] });
      expect(puts()).toBe(1);

      const changed = commands
        .filter((c) => c.name !== 'onthisday')
        .map((c) => (c.name === 'quote' ? { ...c, description: 'Quotes, changed' } : c));
      const third = await registerDiscordCommands({ ...base, commands: changed });
      expect(third).toEqual({ created: [], updated: ['quote'], deleted: ['onthisday'], unchanged: ['lookup', 'readout'] });
      expect(puts()).toBe(2);
      expect(fake.commands.get(scope)?.map((c) => c.name)).toEqual(['lookup', 'quote', 'readout']);
    },
  );
});
