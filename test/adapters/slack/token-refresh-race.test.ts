import { execFile } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackInstallationStore } from '../../../src/adapters/slack/slack-installation-store.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createTokenSealer } from '../../../src/core/secrets/token-sealer.js';
import { openStore } from '../../../src/store/index.js';
import { FakeSlackApi } from '../../fakes/fake-slack-api.js';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET } from '../../fakes/fake-slack-oauth.js';
import { dropSchema, freshSchemaName, POSTGRES_TEST_URL, urlWithSchema } from '../../store/postgres-test-database.js';

const run = promisify(execFile);
const worker = join(import.meta.dirname, 'token-refresh-race-worker.ts');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

const stores = [
  { name: 'SQLite file', url: () => `sqlite:${join(tempDir(), 'readout.db')}` },
  ...(POSTGRES_TEST_URL
    ? [
        {
          name: 'Postgres',
          url: () => {
            const schema = freshSchemaName();
            cleanups.push(() => dropSchema(schema));
            return urlWithSchema(schema);
          },
        },
      ]
    : []),
];

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readout-refresh-race-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

describe.each(stores)('token rotation across two processes ($name)', ({ url }) => {
  it('spends the refresh token once: exactly one oauth.v2.access refresh, both processes end with the same working token', async () => {
    const fake = await FakeSlackApi.start();
    cleanups.push(() => fake.close());
    const databaseUrl = url();
    const key = randomBytes(32).toString('hex');
    // Installed an hour before the token runs out: inside the refresh window for both processes.
    const granted = fake.oauth.access({
      client_id: FAKE_CLIENT_ID,
      client_secret: FAKE_CLIENT_SECRET,
      code: fake.oauth.authorize({ teamId: 'T1', teamName: 'One', rotation: true, expiresIn: 3600 }),
    });
    const store = await openStore(databaseUrl);
    cleanups.push(() => store.close());
    const installations = createSlackInstallationStore({
      store,
      sealer: createTokenSealer([Buffer.from(key, 'hex')]),
      clientId: FAKE_CLIENT_ID,
      clientSecret: FAKE_CLIENT_SECRET,
      apiUrl: fake.apiUrl,
      logger: silentLogger,
    });
    const nowSeconds = Math.floor(Date.now() / 1000);
    await installations.storeInstallation({
      team: { id: 'T1', name: 'One' },
      enterprise: undefined,
      user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
      bot: {
        token: String(granted['access_token']),
        refreshToken: String(granted['refresh_token']),
        expiresAt: nowSeconds + 3600,
        scopes: ['commands', 'chat:write'],
        id: 'B1',
        userId: String(granted['bot_user_id']),
      },
      isEnterpriseInstall: false,
      authVersion: 'v2',
    });

    const barrier = join(tempDir(), 'go');
    const runs = ['a', 'b'].map((name) =>
      run(process.execPath, ['--import', 'tsx', worker, databaseUrl, fake.apiUrl, key, barrier, name], { cwd: process.cwd() }),
    );
    while (!['a', 'b'].every((name) => existsSync(`${barrier}.${name}.ready`))) await new Promise((r) => setTimeout(r, 5));
    writeFileSync(barrier, '');
    const [a, b] = await Promise.all(runs);

    expect(fake.oauth.refreshGrants).toBe(1);
    expect(a!.stdout).toBe(b!.stdout);
    const after = await installations.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    const token = after.bot?.token ?? '';
    expect(sha(token)).toBe(a!.stdout);
    expect(token).not.toBe(granted['access_token']);
    expect(fake.oauth.works(token)).toBe(true);
    // Nothing refreshed again: the new token has its full lifetime.
    expect(fake.oauth.refreshGrants).toBe(1);
    const [row] = await store.listInstallations();
    expect(row?.refreshedAt).not.toBeNull();
    expect(row?.sealed).not.toContain(token);
  });
});
