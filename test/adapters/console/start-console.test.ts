import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../../src/commands/command.js';
import { converseWithConsole } from '../../fakes/converse-with-console.js';
import { seedServices } from '../../fakes/seed-services.js';

let services: Services;
beforeAll(async () => {
  services = await seedServices();
});
afterAll(() => services.store.close());

describe('the console', () => {
  it('answers commands typed exactly as in chat, in order', async () => {
    const out = await converseWithConsole(services, ['/lookup belt and road', '/quote ruto', '/help']);
    expect(out).toMatch(/passages for “belt and road”/);
    // Reported speech reads as such: no quotation marks around a paraphrase.
    expect(out).toMatch(/Ruto said Kenya and China/);
    expect(out).toContain('/onthisday');
    expect(out.indexOf('passages for')).toBeLessThan(out.indexOf('Ruto said Kenya'));
  });

  it('subscribes the console channel to the digest and reports its status', async () => {
    const out = await converseWithConsole(services, ['/digest subscribe 09:00 Europe/London', '/digest status', '/digest unsubscribe']);
    expect(out).toMatch(/Subscribed: this channel gets the digest every day at 09:00 \(Europe\/London\)/);
    expect(out).toMatch(/Next digest: \d{4}-\d{2}-\d{2} 09:00/);
    expect(out).toMatch(/Unsubscribed/);
  });

  it.each([
    ['/nosuch', /There is no command `nosuch`/],
    ['/lookup', /needs query/],
    ['/lookup belt --limit lots', /`limit` takes a whole number/],
    ['/onthisday 2023-02-30', /does not exist/],
    ['/digest subscribe 25:00 Europe/London', /not a time of day/],
    ['/digest subscribe 09:00 Mars/Base', /not a time zone I know/],
    ['/quote zzzzqqq', /No one called "zzzzqqq" is quoted in the corpus. Speakers with quotes: Xi Jinping/],
    ['/quote --about ""', /`about` is empty/],
    ['/readout doc nosuchdoc', /There is no document `nosuchdoc`/],
    ['/readout explode', /`\/readout` takes one of: doc, speakers, corpus, reload, add, feeds, follow, unfollow, help/],
  ])('answers %s with a friendly message and keeps going', async (line, message) => {
    const out = await converseWithConsole(services, [line, '/help']);
    expect(out).toMatch(message);
    expect(out).toContain('readout commands');
  });

  it('echoes the query once and numbers the actions; typing a number runs that action, once', async () => {
    const out = await converseWithConsole(services, ['/lookup belt and road --limit 2', '1']);
    expect(out).toMatch(/\[1\] More results {2}\[2\] \d+ more in 003_60b6fa42/);
    expect(out).toMatch(/3–4 of \d+ passages for “belt and road”/);
    expect(out).not.toContain('more in this document');
    expect(out).not.toContain('no words to look up');
  });

  it('ends on /quit without running what follows', async () => {
    const out = await converseWithConsole(services, ['/quit', '/help']);
    expect(out).not.toContain('readout commands');
  });
});
