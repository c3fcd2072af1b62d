/**
 * `npm run bench:discord-http`: how fast Discord HTTP interactions mode answers /lookup over the bundled seeds,
 * one at a time and in concurrent bursts, against the local fake (which signs each request and gives up after
 * Discord's 3 s). The first answer is the HTTP response itself: an inline reply (type 4) or a deferral (type 5).
 * Prints a table; not a test. The fake and the adapter share one thread, so burst figures include the fake's work.
 */
import { once } from 'node:events';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cpus, loadavg } from 'node:os';
import { INTERACTIONS_PATH, startDiscordHttp } from '../src/adapters/discord/start-discord-http.js';
import { commands } from '../src/commands/registry.js';
import { silentLogger } from '../src/core/logger.js';
import { FakeDiscord } from '../test/fakes/fake-discord.js';
import { seedServices } from '../test/fakes/seed-services.js';
import { percentile } from './measure.js';

const QUERIES = ['Kenya railway', 'terrorism', 'trade', 'Tokayev', 'belt and road', 'investment'];

const fake = await FakeDiscord.start();
const services = await seedServices();
const adapter = startDiscordHttp({
  publicKey: fake.publicKey,
  token: 'bench-token',
  applicationId: fake.applicationId,
  apiUrl: fake.apiUrl,
  services,
  commands,
  logger: silentLogger,
});
const server = createServer((req, res) => adapter.listener(req, res));
server.listen(0, '127.0.0.1');
await once(server, 'listening');
fake.deliverOverHttp(`http://127.0.0.1:${(server.address() as AddressInfo).port}${INTERACTIONS_PATH}`);
const loadBefore = loadavg()[0]!;

async function one(i: number): Promise<{ ms: number; type: number; timedOut: boolean }> {
  const started = performance.now();
  const sent = fake.chatInput('lookup', [{ name: 'query', value: QUERIES[i % QUERIES.length]! }]);
  const delivery = await sent.delivered!;
  return { ms: performance.now() - started, type: Number(delivery.body?.type ?? 0), timedOut: delivery.timedOut };
}

const rows: string[] = [];
for (const [label, concurrent, rounds] of [
  ['1 (each sent once the last was answered)', 1, 50],
  ['40', 40, 5],
  ['200', 200, 3],
] as const) {
  const results: { ms: number; type: number; timedOut: boolean }[] = [];
  for (let round = 0; round < rounds; round++) {
    results.push(...(await Promise.all(Array.from({ length: concurrent }, (_, i) => one(i)))));
  }
  const ms = results.map((r) => r.ms);
  const inline = results.filter((r) => r.type === 4).length;
  const deferred = results.filter((r) => r.type === 5).length;
  const late = results.filter((r) => r.timedOut).length;
  rows.push(
    `| ${label} | ${results.length} | ${percentile(ms, 50).toFixed(1)} | ${percentile(ms, 99).toFixed(1)} | ${inline} | ${deferred} | ${late} |`,
  );
}
const loadAfter = loadavg()[0]!;
process.stdout.write(
  [
    `${cpus().length} cores, load average ${loadBefore.toFixed(1)} at the start, ${loadAfter.toFixed(1)} at the end`,
    '',
    '| concurrent | commands | HTTP answer p50 (ms) | HTTP answer p99 (ms) | inline replies | deferrals | over 3 s |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
    '',
  ].join('\n'),
);
await adapter.stop();
server.close();
await fake.close();
await services.store.close();
