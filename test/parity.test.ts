import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../src/adapters/console/render-text.js';
import { renderEmbeds } from '../src/adapters/discord/render-embeds.js';
import { renderBlocks } from '../src/adapters/slack/render-blocks.js';
import type { Services } from '../src/commands/command.js';
import { createContext } from '../src/commands/create-context.js';
import { dispatch } from '../src/commands/dispatch.js';
import { commands } from '../src/commands/registry.js';
import type { Reply } from '../src/core/reply.js';
import { seedServices } from './fakes/seed-services.js';

let services: Services;
beforeAll(async () => {
  services = await seedServices();
});
afterAll(() => services.store.close());

const fixedClock = { now: () => new Date('2026-04-24T08:00:00Z') };

async function reply(command: string, text: string): Promise<Reply> {
  const ctx = await createContext({ platform: 'console', workspace: 'local', channel: 'parity', user: 'tester' }, services, {
    clock: fixedClock,
    random: () => 0.25,
  });
  return dispatch(commands, { command, text }, ctx);
}

/** The facts a reader must get whatever the platform: document ids, dates and speakers. Escapes are undone first. */
function facts(rendered: string): { docs: string[]; dates: string[]; speakers: string[] } {
  const text = rendered.replace(/\\(.)/g, '$1');
  const unique = (values: string[]) => [...new Set(values)].sort();
  const speakers = services.quotes.speakers().map((s) => s.speaker);
  // A speaker is named when their name or one of the corpus's names for them shows: reported speech names its
  // speaker in the source's own words ("Ruto said …"), and then no renderer adds a label.
  const namesOf = (name: string) => [name, ...(services.corpus.gazetteer.people.find((person) => person.name === name)?.aliases ?? [])];
  const shows = (form: string) => new RegExp(`(?<![\\p{L}])${form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u').test(text);
  return {
    docs: unique(text.match(/\b\d{3}_[0-9a-f]{16}\b/g) ?? []),
    dates: unique(text.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? []),
    speakers: speakers.filter((name) => namesOf(name).some(shows)).sort(),
  };
}

function viaConsole(r: Reply): string {
  return renderText(r, { color: false });
}

function viaSlack(r: Reply): string {
  const message = renderBlocks(r, { buttonValue: (button) => JSON.stringify(button.action) });
  return JSON.stringify(message.blocks);
}

function viaDiscord(r: Reply): string {
  return JSON.stringify(renderEmbeds(r));
}

describe('the same facts come out of every renderer', () => {
  it.each([
    ['lookup', 'belt and road --limit 3'],
    ['lookup', '"shared future" person:ruto'],
    ['quote', 'ruto'],
    ['quote', 'tokayev --limit 3'],
    ['quote', '--about terrorism'],
    ['onthisday', '2026-04-24'],
    ['onthisday', '2026-04-20'],
    ['doc', '002 1-3'],
    ['speakers', ''],
  ])('/%s %s', async (command, text) => {
    const r = await reply(command, text);
    expect(r.isError).toBeFalsy();
    const expected = facts(viaConsole(r));
    expect(expected.docs.length + expected.speakers.length).toBeGreaterThan(0);
    expect(facts(viaSlack(r))).toEqual(expected);
    expect(facts(viaDiscord(r))).toEqual(expected);
  });
});
