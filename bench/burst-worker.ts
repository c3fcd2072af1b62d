/**
 * The other side of `npm run bench:burst`, in its own thread so its event loop is not the adapter's: the
 * fake platform (Slack's response_urls, or Discord's gateway and REST) and the load, with every latency
 * measured here, on one clock, from the moment a request or interaction is sent.
 */
import { request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';
import { FakeDiscord } from '../test/fakes/fake-discord.js';
import { FakeSlackApi } from '../test/fakes/fake-slack-api.js';
import { signSlackBody, slashCommandBody } from '../test/fakes/slack-requests.js';

export interface BurstRun {
  /** Concurrent commands; 1 means that many sent one after another (`sequential` of them). */
  size: number;
  sequential?: number;
}

export interface BurstResult {
  size: number;
  /** Milliseconds from sending to the acknowledgement (Slack: the HTTP 200; Discord: the first interaction callback). */
  acks: number[];
  /** Milliseconds from sending to the answer (Slack: the response_url post; Discord: the reply or edit with content). */
  answers: number[];
}

const { platform, secret, queries } = workerData as { platform: 'slack' | 'discord'; secret: string; queries: string[] };
const port = parentPort!;
const now = () => performance.now();

if (platform === 'slack') {
  const fake = await FakeSlackApi.start();
  const arrived = new Map<string, number>();
  const seen = new Set<string>();
  // Stamp each response_url post as it is recorded: a waiter that never resolves runs after every request.
  const stamp = () => {
    for (const post of fake.responses) {
      if (seen.has(post.id)) continue;
      seen.add(post.id);
      arrived.set(post.id, now());
    }
    return false;
  };
  void fake.waitFor(stamp);
  let counter = 0;
  const one = (events: string): Promise<{ ack: number; id: string; start: number }> => {
    const id = `bench-${++counter}`;
    const body = slashCommandBody({
      command: '/lookup',
      text: queries[counter % queries.length]!,
      responseUrl: fake.responseUrl(id),
      triggerId: id,
    });
    const timestamp = Math.floor(Date.now() / 1000);
    const start = now();
    return new Promise((resolve, reject) => {
      const req = request(
        events,
        {
          method: 'POST',
          agent: false,
          headers: {
            'content-type': 'application/x-www-form-urlencoded',
            'content-length': String(Buffer.byteLength(body)),
            'x-slack-request-timestamp': String(timestamp),
            'x-slack-signature': signSlackBody(secret, timestamp, body),
          },
        },
        (res) => {
          const ack = now() - start;
          res.resume();
          res.on('end', () => resolve({ ack, id, start }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  };
  const answersOf = async (sent: { ack: number; id: string; start: number }[]): Promise<number[]> => {
    await fake.waitFor(() => sent.every((s) => arrived.has(s.id)));
    return sent.map((s) => arrived.get(s.id)! - s.start);
  };
  port.postMessage({ kind: 'ready', apiUrl: fake.apiUrl });
  port.on('message', async (message: { kind: 'run'; target: string; runs: BurstRun[] } | { kind: 'close' }) => {
    if (message.kind === 'close') {
      await fake.close();
      port.close();
      return;
    }
    const results: BurstResult[] = [];
    for (const run of message.runs) {
      // One after another means on an idle adapter: each command is sent once the previous one was answered.
      const sent =
        run.size === 1
          ? await sequential(run.sequential ?? 20, async () => {
              const single = await one(message.target);
              await answersOf([single]);
              return single;
            })
          : await Promise.all(Array.from({ length: run.size }, () => one(message.target)));
      results.push({ size: run.size, acks: sent.map((s) => s.ack), answers: await answersOf(sent) });
    }
    port.postMessage({ kind: 'results', results });
  });
} else {
  const fake = await FakeDiscord.start();
  let counter = 0;
  const one = async (): Promise<{ ack: number; answer: number }> => {
    const start = now();
    const sent = fake.chatInput('lookup', [{ name: 'query', value: queries[++counter % queries.length]! }]);
    const callback = await fake.waitForRequest((r) => r.path === `/interactions/${sent.id}/${sent.token}/callback`);
    const ack = now() - start;
    if (callback.body?.type !== 5) return { ack, answer: ack };
    await fake.waitForRequest((r) => r.method === 'PATCH' && r.path.endsWith(`/${sent.token}/messages/@original`));
    return { ack, answer: now() - start };
  };
  port.postMessage({ kind: 'ready', apiUrl: fake.apiUrl, applicationId: fake.applicationId });
  port.on('message', async (message: { kind: 'run'; runs: BurstRun[] } | { kind: 'close' }) => {
    if (message.kind === 'close') {
      await fake.close();
      port.close();
      return;
    }
    const results: BurstResult[] = [];
    for (const run of message.runs) {
      const sent = run.size === 1 ? await sequential(run.sequential ?? 20, one) : await Promise.all(Array.from({ length: run.size }, one));
      results.push({ size: run.size, acks: sent.map((s) => s.ack), answers: sent.map((s) => s.answer) });
    }
    port.postMessage({ kind: 'results', results });
  });
}

async function sequential<T>(count: number, make: () => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < count; i++) out.push(await make());
  return out;
}
