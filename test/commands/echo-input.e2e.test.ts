import { beforeAll, describe, expect, it } from 'vitest';
import { buildMessage, type MessageTables, type PagedReply } from '../../src/adapters/discord/build-message.js';
import type { ButtonTarget } from '../../src/adapters/discord/button-target.js';
import { createButtonCodec } from '../../src/adapters/slack/button-codec.js';
import { renderBlocks } from '../../src/adapters/slack/render-blocks.js';
import { createActionTable } from '../../src/commands/action-table.js';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { dispatch } from '../../src/commands/dispatch.js';
import { commands } from '../../src/commands/registry.js';
import type { Reply } from '../../src/core/reply.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { hasLoneSurrogate, stringsOf } from '../fakes/hostile-text.js';
import { seedServices } from '../fakes/seed-services.js';

let services: Services;

beforeAll(async () => {
  services = await seedServices();
});

async function ask(command: string, text: string): Promise<Reply> {
  const ctx = await createContext({ platform: 'console', workspace: 'local', channel: 'test', user: 'tester' }, services);
  return dispatch(commands, { command, text }, ctx);
}

function tables(): MessageTables {
  const clock = new FakeClock();
  return {
    actions: createActionTable<ButtonTarget>({ maxEntries: 100, ttlMs: 60_000, clock }),
    pages: createActionTable<PagedReply>({ maxEntries: 100, ttlMs: 60_000, clock }),
  };
}

/** The reply, and what Slack and Discord would be sent for it: none may hold a lone surrogate or a bidi control. */
function expectWhole(reply: Reply): void {
  const slack = renderBlocks(reply, { buttonValue: createButtonCodec({ clock: new FakeClock() }).encode });
  const discord = buildMessage(reply, tables());
  for (const text of [...stringsOf(reply), ...stringsOf(slack), ...stringsOf(discord)]) {
    expect(hasLoneSurrogate(text), JSON.stringify(text.slice(-20))).toBe(false);
  }
  // What is shown (not button values, which carry the command to re-run) has no controls.
  const shown = [...stringsOf(slack.blocks.filter((b) => b.type !== 'actions')), slack.text, ...stringsOf(discord.embeds)];
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this looks for
  for (const text of shown) expect(text).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u0000]/);
}

describe('user input echoed in replies (regressions from issue 13)', () => {
  it.each([
    { name: '3,000 fire emoji (over the length limit)', command: 'lookup', text: '🔥'.repeat(3000) },
    { name: '1,000 flags (over the length limit)', command: 'lookup', text: '🇰🇪'.repeat(1000) },
    { name: 'x and two emoji, repeated to the limit', command: 'lookup', text: 'x🔥🔥'.repeat(399) },
    { name: 'flags up to the limit', command: 'lookup', text: '🇰🇪'.repeat(499) },
    { name: 'a right-to-left override', command: 'lookup', text: '\u202etrade\u0000 partners' },
    { name: 'a quote topic of emoji', command: 'quote', text: `--about ${'🔥'.repeat(240)}` },
  ])('$name: the echo is cut whole and without controls', async ({ command, text }) => {
    expectWhole(await ask(command, text));
  });
});
