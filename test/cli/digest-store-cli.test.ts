import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { exportSubscriptions } from '../../src/cli/export-subscriptions.js';
import { importSubscriptions } from '../../src/cli/import-subscriptions.js';
import type { Store } from '../../src/core/store/store-types.js';
import { openStore } from '../../src/store/index.js';
import { dropSchema, freshSchemaName, POSTGRES_TEST_URL, urlWithSchema } from '../store/postgres-test-database.js';

const ROOT = resolve(import.meta.dirname, '../..');
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'readout-store-cli-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function open(url: string): Promise<Store> {
  const store = await openStore(url);
  cleanups.push(() => store.close());
  return store;
}

function readout(args: string[], databaseUrl: string, input?: string) {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: databaseUrl };
  for (const key of Object.keys(env)) if (/^(SLACK|DISCORD)_/.test(key)) delete env[key];
  const result = spawnSync(process.execPath, ['bin/readout.js', ...args], { cwd: ROOT, env, encoding: 'utf8', input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A spread like real use: most at 09:00 local, across several zones, some paused, some posting on empty days. */
async function seed(store: Store, count: number) {
  const zones = ['Asia/Almaty', 'Europe/London', 'America/New_York', 'Asia/Shanghai', 'UTC'];
  await store.importSubscriptions(
    Array.from({ length: count }, (_, i) => ({
      platform: (['slack', 'discord', 'console'] as const)[i % 3]!,
      workspace: `W${i % 7}`,
      channel: `C${i}`,
      time: i % 10 === 0 ? '17:45' : '09:00',
      timezone: zones[i % zones.length]!,
      status: i % 11 === 0 ? ('paused' as const) : ('active' as const),
      postEmpty: i % 2 === 0,
    })),
  );
}

async function exported(store: Store): Promise<string[]> {
  const chunks: string[] = [];
  await exportSubscriptions(store, async (chunk) => {
    chunks.push(chunk);
  });
  return chunks.join('').split('\n').filter(Boolean);
}

async function moveAndCompare(from: Store, to: Store) {
  await seed(from, 2_345);
  const lines = await exported(from);
  expect(lines).toHaveLength(2_345);
  const report = await importSubscriptions(
    to,
    Readable.from(
      lines
        .map((line) => `${line}\n`)
        .join('')
        .split(/(?<=\n)/),
    ),
  );
  expect(report).toEqual({ created: 2_345, updated: 0, bad: [] });
  expect(await exported(to)).toEqual(lines);
}

describe('moving subscriptions between stores', () => {
  it('SQLite → export → import into another SQLite file → the same subscriptions', async () => {
    const dir = tempDir();
    await moveAndCompare(await open(`sqlite:${join(dir, 'a.db')}`), await open(`sqlite:${join(dir, 'b.db')}`));
  });

  it.skipIf(!POSTGRES_TEST_URL)('SQLite → export → import into Postgres → the same subscriptions', async () => {
    const schema = freshSchemaName();
    cleanups.push(() => dropSchema(schema));
    await moveAndCompare(await open(`sqlite:${join(tempDir(), 'a.db')}`), await open(urlWithSchema(schema)));
  });
});

describe('follows in the export', () => {
  it('are written after the subscriptions as follow lines and read back by an import, bad ones named by number', async () => {
    const dir = tempDir();
    const from = await open(`sqlite:${join(dir, 'a.db')}`);
    const to = await open(`sqlite:${join(dir, 'b.db')}`);
    await seed(from, 3);
    await from.upsertFollow({ platform: 'slack', workspace: 'T1', channel: 'C1', filter: 'person:ruto', createdBy: 'U1' });
    await from.upsertFollow({ platform: 'discord', workspace: 'G1', channel: 'D1', filter: '', createdBy: 'U2' });
    // A follow readout paused (its channel is gone) stays paused across an export and import.
    await from.setFollowStatus({ platform: 'discord', workspace: 'G1', channel: 'D1' }, 'paused', 'http_404');
    const chunks: string[] = [];
    expect(await exportSubscriptions(from, async (chunk) => void chunks.push(chunk))).toEqual({ subscriptions: 3, follows: 2 });
    const lines = chunks.join('').split('\n').filter(Boolean);
    expect(lines.slice(3).map((line) => JSON.parse(line))).toEqual([
      {
        kind: 'follow',
        platform: 'discord',
        workspace: 'G1',
        channel: 'D1',
        filter: '',
        createdBy: 'U2',
        status: 'paused',
        pausedReason: 'http_404',
      },
      { kind: 'follow', platform: 'slack', workspace: 'T1', channel: 'C1', filter: 'person:ruto', createdBy: 'U1' },
    ]);
    const badFollow = JSON.stringify({ kind: 'follow', platform: 'irc', workspace: 'W', channel: 'C', filter: '', createdBy: 'U' });
    const report = await importSubscriptions(to, Readable.from([...lines, badFollow]));
    expect(report).toEqual({ created: 3, updated: 0, follows: 2, bad: [{ line: 6, problem: expect.stringMatching(/^platform must be/) }] });
    const strip = (follows: Awaited<ReturnType<Store['listFollows']>>) => follows.map(({ createdAt: _at, ...rest }) => rest);
    expect(strip(await to.listFollows())).toEqual(strip(await from.listFollows()));
    expect((await to.listFollows()).map((follow) => follow.status)).toEqual(['paused', 'active']);
  });
});

describe('readout digest import / export / log', () => {
  it('keeps the good lines, names the bad ones by number, and updates on a second run', async () => {
    const dir = tempDir();
    const url = `sqlite:${join(dir, 'readout.db')}`;
    const file = join(dir, 'subs.jsonl');
    const good = {
      platform: 'slack',
      workspace: 'T1',
      channel: 'C1',
      time: '9:00',
      timezone: 'Asia/Almaty',
      status: 'active',
      postEmpty: false,
    };
    writeFileSync(
      file,
      [
        JSON.stringify(good),
        '{not json',
        '',
        JSON.stringify({ ...good, channel: 'C2', timezone: 'Mars/Olympus' }),
        JSON.stringify({ ...good, channel: 'C3', status: 'paused' }),
        '[1, 2]',
      ].join('\n'),
    );
    const first = readout(['digest', 'import', file], url);
    expect(first.stdout.trim()).toBe('Imported 2 subscriptions (2 new, 0 updated); skipped 3 bad lines.');
    expect(first.stderr).toMatch(/^line 2: not JSON/m);
    expect(first.stderr).toMatch(/^line 4: timezone is not an IANA time zone/m);
    expect(first.stderr).toMatch(/^line 6: not a subscription object/m);
    expect(first.code).toBe(1);

    const again = readout(['digest', 'import', '-'], url, `${JSON.stringify({ ...good, time: '10:30' })}\n`);
    expect(again.stdout.trim()).toBe('Imported 1 subscription (0 new, 1 updated).');
    expect(again.code).toBe(0);
    const out = readout(['digest', 'export', '--json'], url);
    expect(
      out.stdout
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { ...good, time: '10:30' },
      { ...good, channel: 'C3', time: '09:00', status: 'paused' },
    ]);
    expect(out.stderr.trim()).toBe('Exported 2 subscriptions.');
  }, 60_000);

  it('says plainly when the file is missing or the arguments are wrong', () => {
    const url = `sqlite:${join(tempDir(), 'readout.db')}`;
    expect(readout(['digest', 'import', '/no/such/file.jsonl'], url)).toMatchObject({
      code: 2,
      stderr: 'Could not read /no/such/file.jsonl: no such file.\n',
    });
    expect(readout(['digest', 'import'], url)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/^Usage: readout digest import FILE\|-/),
    });
    expect(readout(['digest', 'log', '--limit', 'lots'], url)).toMatchObject({
      code: 2,
      stderr: expect.stringMatching(/--limit N \(1-10000\)/),
    });
  }, 60_000);

  it('lists the delivery log with state, attempts, due and posted times, message id and reason, filtered and bounded', async () => {
    const dir = tempDir();
    const url = `sqlite:${join(dir, 'readout.db')}`;
    const store = await openStore(url);
    const ref = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
    const dueAt = new Date('2026-04-24T04:00:00Z');
    await store.claimSlot(ref, '2026-04-24', 'p1', 60_000, { dueAt });
    await store.finishSlot('slack:T1:C1:2026-04-24', 1, { state: 'posted', messageId: '1714.0001' });
    await store.claimSlot(ref, '2026-04-23', 'p1', 60_000, { dueAt });
    await store.finishSlot('slack:T1:C1:2026-04-23', 1, { state: 'failed', reason: 'not_in_channel' });
    await store.claimSlot({ ...ref, channel: 'C2' }, '2026-04-24', 'p1', 60_000, { dueAt });
    await store.close();

    const json = readout(['digest', 'log', '--json', '--platform', 'slack', '--workspace', 'T1', '--channel', 'C1'], url);
    const entries = json.stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line));
    expect(entries).toEqual([
      expect.objectContaining({
        localDate: '2026-04-24',
        state: 'posted',
        attempts: 1,
        dueAt: dueAt.toISOString(),
        messageId: '1714.0001',
        reason: null,
      }),
      expect.objectContaining({
        localDate: '2026-04-23',
        state: 'failed',
        attempts: 1,
        postedAt: null,
        messageId: null,
        reason: 'not_in_channel',
      }),
    ]);
    expect(entries[0].postedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(readout(['digest', 'log', '--json', '--date', '2026-04-24'], url).stdout.trim().split('\n')).toHaveLength(2);
    const bounded = readout(['digest', 'log', '--limit', '1'], url);
    expect(bounded.stdout.trim().split('\n')).toHaveLength(1);
    expect(bounded.stdout).toMatch(/^2026-04-24 {2}slack\/T1\/C1 {2}posted {2}attempts 1 {2}due 2026-04-24T04:00:00\.000Z/);
    expect(bounded.stderr).toMatch(/Showing the newest 1/);
    const none = readout(['digest', 'log', '--date', '2026-01-01'], url);
    expect(none.stdout.trim()).toBe('No digest slots match.');
    // "Nothing found" exits 1, as for every command.
    expect(none.code).toBe(1);
    expect(readout(['digest', 'log', '--json', '--date', '2026-01-01'], url).code).toBe(1);
  }, 60_000);
});
