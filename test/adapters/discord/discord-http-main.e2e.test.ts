import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/main.js';
import { FakeDiscord } from '../../fakes/fake-discord.js';
import { SEEDS_DIR } from '../../fakes/seed-services.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const run = promisify(execFile);

describe('readout start with DISCORD_PUBLIC_KEY', () => {
  let fake: FakeDiscord;
  let base: string;
  let stop: (reason: string) => void = () => {};
  let exit: Promise<number>;
  let env: Record<string, string>;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    const dir = mkdtempSync(join(tmpdir(), 'readout-discord-http-main-'));
    env = {
      READOUT_SEEDS: SEEDS_DIR,
      DATABASE_URL: `sqlite:${join(dir, 'readout.db')}`,
      READOUT_CACHE_DIR: join(dir, 'cache'),
      LOG_LEVEL: 'silent',
      PORT: '0',
      DISCORD_TOKEN: 'fake-token',
      DISCORD_APPLICATION_ID: fake.applicationId,
      DISCORD_API_URL: fake.apiUrl,
      DISCORD_PUBLIC_KEY: fake.publicKey,
    };
    const stopped = new Promise<string>((resolve) => {
      stop = resolve;
    });
    const port = new Promise<number>((resolve) => {
      exit = main([], { env, stop: stopped, onOpsListening: resolve });
    });
    base = `http://127.0.0.1:${await port}`;
    fake.deliverOverHttp(`${base}/discord/interactions`);
    // Ready once the corpus is loaded and the adapter runs.
    for (let i = 0; i < 200 && (await fetch(`${base}/readyz`)).status !== 200; i++) await new Promise((r) => setTimeout(r, 50));
  });

  afterAll(async () => {
    stop('test done');
    expect(await exit).toBe(0);
    await fake.close();
  });

  it('serves interactions on PORT beside /readyz, with no gateway connection', async () => {
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    expect(await fake.ping()).toMatchObject({ status: 200, body: { type: 1 } });
    for (const { probe, status } of await fake.probeBadSignatures()) expect({ probe, status }).toEqual({ probe, status: 401 });
    const sent = fake.chatInput('lookup', [{ name: 'query', value: 'trade' }]);
    const delivery = await sent.delivered;
    expect(delivery?.status).toBe(200);
    expect([4, 5]).toContain(delivery?.body.type);
    expect(fake.identifies).toEqual([]);
    expect(fake.requests.filter((r) => r.path.startsWith('/gateway'))).toEqual([]);
  });

  it('`readout discord register` prints the interactions endpoint URL', async () => {
    const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, READOUT_PUBLIC_URL: 'https://readout.example/' };
    const text = await run(process.execPath, ['bin/readout.js', 'discord', 'register'], { cwd: ROOT, env: childEnv });
    expect(text.stdout).toContain('Interactions Endpoint URL');
    expect(text.stdout).toContain('https://readout.example/discord/interactions');
    const json = await run(process.execPath, ['bin/readout.js', 'discord', 'register', '--json'], { cwd: ROOT, env: childEnv });
    expect(JSON.parse(json.stdout)).toMatchObject({ interactionsEndpoint: 'https://readout.example/discord/interactions' });
  });
});
