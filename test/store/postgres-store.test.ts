import pg from 'pg';
import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store/store-types.js';
import { UserError } from '../../src/core/user-error.js';
import { applyPostgresMigrations, openStore, POSTGRES_MIGRATIONS, readPostgresUrl } from '../../src/store/index.js';
import { DEFAULT_POOL_SETTINGS } from '../../src/store/postgres/pool-settings.js';
import { dropSchema, freshSchemaName, POSTGRES_TEST_URL, queryTestServer, urlWithSchema } from './postgres-test-database.js';
import { storeContract } from './store-contract.js';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One schema of the real test server per test; database time is the server's, so `elapse` really waits. */
async function makePostgres() {
  const schema = freshSchemaName();
  const open: Store[] = [];
  return {
    schema,
    // Short, so the suite stays quick, yet long beside a few round trips on a loaded 2-core machine.
    leaseMs: 1_000,
    async connect() {
      const store = await openStore(urlWithSchema(schema));
      open.push(store);
      return store;
    },
    elapse: sleep,
    async dispose() {
      for (const store of open) await store.close();
      await dropSchema(schema);
    },
  };
}

describe.skipIf(!POSTGRES_TEST_URL)('postgres store', () => {
  storeContract('postgres', makePostgres);

  it('migrates once when several replicas start together, and again finds nothing to do', async () => {
    const db = await makePostgres();
    try {
      const stores = await Promise.all(Array.from({ length: 6 }, () => db.connect()));
      expect(stores).toHaveLength(6);
      const applied = await queryTestServer<{ version: number }>(`SELECT version FROM "${db.schema}".schema_migrations ORDER BY version`);
      expect(applied).toEqual(POSTGRES_MIGRATIONS.map((m) => ({ version: m.version })));
      await db.connect();
      expect(await queryTestServer(`SELECT version FROM "${db.schema}".schema_migrations`)).toHaveLength(POSTGRES_MIGRATIONS.length);
    } finally {
      await db.dispose();
    }
  });

  it('moves open slots of a version-2 schema into the explicit states, searched first, and keeps each schedule epoch', async () => {
    const schema = freshSchemaName();
    const client = new pg.Client({ connectionString: POSTGRES_TEST_URL!, options: `-c search_path=${schema}` });
    await client.connect();
    try {
      await applyPostgresMigrations(
        client,
        schema,
        POSTGRES_MIGRATIONS.filter((m) => m.version <= 2),
      );
      await client.query(
        "INSERT INTO subscriptions (platform, workspace, channel, time, timezone, created_at, updated_at) VALUES ('slack', 'T1', 'C1', '09:00', 'UTC', '2026-01-01T00:00:00Z', '2026-01-05T00:00:00Z')",
      );
      const slot = `INSERT INTO digest_slots (key, platform, workspace, channel, local_date, state, attempts, claimed_by, lease_until, updated_at)
        VALUES ($1, 'slack', 'T1', 'C1', $2, $3, $4, $5, $6, '2026-01-06T09:00:00Z')`;
      await client.query(slot, ['slack:T1:C1:2026-01-04', '2026-01-04', 'posted', 1, null, null]);
      await client.query(slot, ['slack:T1:C1:2026-01-05', '2026-01-05', 'claimed', 2, null, '2026-01-06T09:05:00Z']);
      await client.query(slot, ['slack:T1:C1:2026-01-06', '2026-01-06', 'claimed', 1, 'host:1:x', '2026-01-06T09:05:00Z']);
      await client.end();
      const store = await openStore(urlWithSchema(schema));
      const ref = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
      expect(await store.getSubscription(ref)).toMatchObject({ scheduleSince: '2026-01-05T00:00:00.000Z' });
      expect(await store.getSlot('slack:T1:C1:2026-01-04')).toMatchObject({ state: 'posted', token: 1, uncertain: false });
      expect(await store.getSlot('slack:T1:C1:2026-01-05')).toMatchObject({ state: 'retry_uncertain', token: 2, uncertain: true });
      expect(await store.getSlot('slack:T1:C1:2026-01-06')).toMatchObject({ state: 'sending', token: 1, uncertain: true });
      await store.close();
    } finally {
      await client.end().catch(() => {});
      await dropSchema(schema);
    }
  });

  it('keeps times as timestamptz and hands them out as the same ISO strings as SQLite', async () => {
    const db = await makePostgres();
    try {
      const store = await db.connect();
      const ref = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
      await store.upsertSubscription({ ...ref, time: '09:00', timezone: 'UTC', postEmpty: false });
      await store.setNextDue(ref, new Date('2026-04-24T09:00:00.123Z'));
      const sub = await store.getSubscription(ref);
      expect(sub?.nextDueAt).toBe('2026-04-24T09:00:00.123Z');
      expect(sub?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      const types = await queryTestServer<{ column_name: string; data_type: string }>(
        `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = $1 AND table_name = 'digest_slots' AND column_name LIKE '%_at'`,
        [db.schema],
      );
      expect(new Set(types.map((t) => t.data_type))).toEqual(new Set(['timestamp with time zone']));
    } finally {
      await db.dispose();
    }
  });

  it.each([
    [
      'postgres://postgres@127.0.0.1:1/test',
      /Could not reach the Postgres database at postgres:\/\/postgres@127\.0\.0\.1:1\/test: .*ECONNREFUSED/,
    ],
    ['postgres://127.0.0.1:5432', /not a Postgres URL I can use/],
    ['postgres://127.0.0.1:5432/test?schema=bad;name', /not a Postgres URL I can use/],
  ])('refuses %s with one clear line', async (url, message) => {
    const caught = await openStore(url).catch((error: unknown) => error);
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).message).toMatch(message);
    expect((caught as UserError).message).not.toMatch(/\n/);
  });

  it('hides the password of a URL it cannot use', async () => {
    const caught = await openStore('postgres://readout:s3cret@127.0.0.1:1/test').catch((error: unknown) => error);
    expect((caught as UserError).message).toContain('readout:***@');
    expect((caught as UserError).message).not.toContain('s3cret');
  });

  it('reads the schema from the URL and leaves the rest for pg', () => {
    expect(readPostgresUrl('postgres://u@h:5432/db?schema=s1&sslmode=disable')).toEqual({
      connectionString: 'postgres://u@h:5432/db?sslmode=disable',
      schema: 's1',
      settings: DEFAULT_POOL_SETTINGS,
    });
    expect(readPostgresUrl('postgresql://u@h/db').schema).toBe('public');
  });

  it('takes the pool settings from the URL over the configured ones, and names a bad one', () => {
    const configured = { ...DEFAULT_POOL_SETTINGS, poolSize: 4, queryTimeoutMs: 9_000 };
    const read = readPostgresUrl('postgres://u@h/db?query_timeout_ms=2500&sslmode=disable&connect_timeout_ms=700', configured);
    expect(read.connectionString).toBe('postgres://u@h/db?sslmode=disable');
    expect(read.settings).toEqual({ ...configured, queryTimeoutMs: 2_500, connectTimeoutMs: 700 });
    expect(() => readPostgresUrl('postgres://u@h/db?pool_size=lots')).toThrow(/pool_size=lots .* whole number from 1 to 1000/);
    expect(() => readPostgresUrl('postgres://u@h/db?statement_timeout_ms=0')).toThrow(/statement_timeout_ms=0/);
  });

  it('refuses a schema migrated by a newer readout with one clear line', async () => {
    const db = await makePostgres();
    try {
      await db.connect();
      await queryTestServer(`INSERT INTO "${db.schema}".schema_migrations (version, name) VALUES (999, 'from the future')`);
      const caught = await db.connect().catch((error: unknown) => error);
      expect(caught).toBeInstanceOf(UserError);
      expect((caught as UserError).message).toMatch(/schema version 999, but this readout only knows up to/);
    } finally {
      await db.dispose();
    }
  });

  it('makes no CHECK that lists platforms or states', async () => {
    const db = await makePostgres();
    try {
      await db.connect();
      const checks = await queryTestServer(
        `SELECT conname FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace WHERE n.nspname = $1 AND contype = 'c'`,
        [db.schema],
      );
      expect(checks).toEqual([]);
    } finally {
      await db.dispose();
    }
  });
});
