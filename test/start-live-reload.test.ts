import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServices } from '../src/build-services.js';
import type { CommandContext, Services } from '../src/commands/command.js';
import { createContext } from '../src/commands/create-context.js';
import { dispatchPlatform } from '../src/commands/platform-commands.js';
import { commands } from '../src/commands/registry.js';
import { silentLogger } from '../src/core/logger.js';
import { plainText, type Reply } from '../src/core/reply.js';
import { startLiveReload } from '../src/start-live-reload.js';
import { openStore } from '../src/store/index.js';
import { NEW_DOCUMENT, seedsCopy } from './core/live/seeds-copy.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

async function runningBot(options: { operators?: string[]; debounceMs?: number; databaseUrl?: string } = {}) {
  const copy = seedsCopy();
  const services = await buildServices({
    seedsDir: copy.dir,
    databaseUrl: options.databaseUrl ?? 'sqlite::memory:',
    cacheDir: copy.cacheDir,
    defaultTimezone: 'UTC',
    nearbyWindow: 7,
    logger: silentLogger,
    operators: options.operators ?? [],
  });
  const signals = new EventEmitter();
  const reloading = startLiveReload(services, {
    debounceMs: options.debounceMs ?? 200,
    logger: silentLogger,
    signals: signals as unknown as NodeJS.Process,
  });
  cleanups.push(() => {
    reloading.stop();
    void services.store.close();
    copy.remove();
  });
  return { ...copy, services, signals };
}

async function ask(services: Services, name: string, text: string, where: Partial<Pick<CommandContext, 'platform' | 'user'>> = {}) {
  const ctx = await createContext(
    { platform: where.platform ?? 'slack', workspace: 'T1', channel: 'C1', user: where.user ?? 'U1' },
    services,
  );
  return dispatchPlatform(commands, { name, text }, ctx);
}

function textOf(reply: Reply): string {
  return reply.blocks
    .map((block) => {
      if (block.kind === 'text') return plainText(block.text);
      if (block.kind === 'list') return block.items.map(plainText).join('\n');
      if (block.kind === 'result') return `${block.citation.docId} ${plainText(block.body)}`;
      if (block.kind === 'heading' || block.kind === 'note') return block.text;
      return '';
    })
    .join('\n');
}

/** Asks until the answer matches, up to `withinMs`; the watch runs on its own timers. */
async function eventually(check: () => Promise<boolean>, withinMs: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < withinMs) {
    if (await check()) return Date.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`not within ${withinMs} ms`);
}

describe('a running bot over a live seeds folder', () => {
  it('finds a document dropped into the folder with /lookup within 10 seconds, and lists a broken one in /readout corpus', async () => {
    const { dir, services } = await runningBot();
    expect(textOf(await ask(services, 'lookup', 'zanzibarquay'))).not.toContain('900_new');
    writeFileSync(join(dir, '900_new.txt'), NEW_DOCUMENT);
    writeFileSync(join(dir, '901_broken.txt'), Buffer.from([0xff, 0xfe, 0x41, 0x00]));
    await eventually(async () => textOf(await ask(services, 'lookup', 'zanzibarquay')).includes('900_new'), 10_000);
    const corpus = textOf(await ask(services, 'readout', 'corpus'));
    expect(corpus).toContain('6 documents, 1 file skipped');
    expect(corpus).toMatch(/901_broken\.txt: .*UTF-16/);
    expect(textOf(await ask(services, 'lookup', 'belt and road'))).toContain('000_4428246b8b720a03');
  });

  it('serves a document added to its SQLite file through another connection (as readout ingest beside the bot does) within 5 seconds', async () => {
    const databaseDir = mkdtempSync(join(tmpdir(), 'readout-live-store-'));
    cleanups.push(() => rmSync(databaseDir, { recursive: true, force: true }));
    const databaseUrl = `sqlite:${join(databaseDir, 'readout.db')}`;
    const { services } = await runningBot({ databaseUrl });
    expect(textOf(await ask(services, 'lookup', 'zanzibarquay'))).not.toContain('web-00000000000a');
    const other = await openStore(databaseUrl);
    await other.addDocument({
      id: 'web-00000000000a',
      text: NEW_DOCUMENT,
      sidecar: { title: 'Xi meets Zanzibarquay' },
      sourceUrl: null,
      canonicalUrl: null,
      contentHash: 'a'.repeat(64),
      addedBy: 'cli:test',
    });
    await other.close();
    await eventually(async () => textOf(await ask(services, 'lookup', 'zanzibarquay')).includes('web-00000000000a'), 5_000);
  });

  it('reloads on SIGHUP', async () => {
    const { dir, services, signals } = await runningBot({ debounceMs: 0 });
    writeFileSync(join(dir, '900_new.txt'), NEW_DOCUMENT);
    signals.emit('SIGHUP');
    await eventually(async () => services.corpus.documents.some((document) => document.id === '900_new'), 10_000);
  });

  it('lets only operators run /readout reload, and says who may', async () => {
    const { dir, services } = await runningBot({ operators: ['U_OPS'], debounceMs: 0 });
    writeFileSync(join(dir, '900_new.txt'), NEW_DOCUMENT);
    const refused = await ask(services, 'readout', 'reload', { user: 'U_SOMEONE' });
    expect(refused.isError).toBe(true);
    expect(textOf(refused)).toMatch(/Only operators .*READOUT_OPERATORS/);
    expect(services.corpus.documents).toHaveLength(5);
    const done = await ask(services, 'readout', 'reload', { user: 'U_OPS' });
    expect(textOf(done)).toMatch(/Reloaded in [\d.]+ s: 6 documents, 1 added \(900_new\)/);
    expect(services.corpus.documents).toHaveLength(6);
    expect(textOf(await ask(services, 'readout', 'reload', { platform: 'console', user: 'me' }))).toMatch(/Nothing changed/);
  });

  it('answers /readout reload in a one-shot process with how to reload a running bot', async () => {
    const { services } = await runningBot();
    const oneShot: Services = { ...services };
    delete oneShot.live;
    expect(textOf(await ask(oneShot, 'readout', 'reload', { platform: 'cli' }))).toMatch(/kill -HUP/);
  });
});
