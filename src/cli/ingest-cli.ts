import { open } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { localUserName } from '../adapters/console/local-user-name.js';
import { loadConfig } from '../config.js';
import { INGEST_MAX_BYTES, type IngestSource, ingestDocument } from '../core/ingest/ingest-document.js';
import { ingestMessages } from '../core/ingest/ingest-messages.js';
import { readGazetteer } from '../core/names/load-gazetteer.js';
import { UserError } from '../core/user-error.js';
import { openStore } from '../store/open-store.js';
import { printJson } from './print-json.js';

const USAGE = 'Usage: readout ingest URL|FILE|- [--json] [--no-announce] [--seeds DIR]';

/**
 * `readout ingest URL|FILE|-`: adds one readout to the store (a web page, an HTML or text file, or stdin). Running bots
 * on the same database serve it within seconds and tell the channels that follow it. Exit code 0 when added, 1 when not (already there, or refused, with why).
 */
export async function runIngestCli(argv: string[]): Promise<number> {
  let parsed: { values: { json?: boolean; seeds?: string; 'no-announce'?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({
      args: argv,
      options: { json: { type: 'boolean' }, 'no-announce': { type: 'boolean' }, seeds: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new UserError('bad_arguments', `${error instanceof Error ? error.message : error}. ${USAGE}`);
  }
  const [target, ...extra] = parsed.positionals;
  if (!target || extra.length > 0) throw new UserError('bad_arguments', USAGE);
  const config = loadConfig(undefined, parsed.values.seeds ? { READOUT_SEEDS: parsed.values.seeds } : {});
  const source = await readSource(target);
  const { gazetteer } = readGazetteer(config.READOUT_SEEDS);
  const store = await openStore(config.DATABASE_URL);
  try {
    const outcome = await ingestDocument(source, {
      store,
      gazetteer,
      allowPrivate: config.READOUT_INGEST_ALLOW_PRIVATE,
      addedBy: `cli:${localUserName('cli')}`,
      // A bulk import of old readouts need not tell every following channel; by default a running bot announces it.
      ...(parsed.values['no-announce'] ? { announce: false } : {}),
    });
    if (parsed.values.json) {
      printJson({
        outcome: outcome.kind,
        message: outcome.message,
        ...(outcome.kind === 'added'
          ? { id: outcome.document.id, canonicalUrl: outcome.document.canonicalUrl, quotes: outcome.quotes }
          : {}),
        ...(outcome.kind === 'duplicate' ? { id: outcome.existing.id, match: outcome.match } : {}),
        ...(outcome.kind === 'refused' ? { code: outcome.code } : {}),
      });
    } else {
      (outcome.kind === 'added' ? process.stdout : process.stderr).write(`${outcome.message}\n`);
    }
    return outcome.kind === 'added' ? 0 : 1;
  } finally {
    await store.close();
  }
}

async function readSource(target: string): Promise<IngestSource> {
  if (/^https?:\/\//i.test(target)) return { kind: 'url', url: target };
  const name = target === '-' ? 'stdin' : target;
  const bytes = target === '-' ? await readStdin() : await readFileCapped(target);
  if (bytes.length > INGEST_MAX_BYTES) throw new UserError('ingest_too_large', ingestMessages.tooLarge(INGEST_MAX_BYTES));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UserError('ingest_not_text', ingestMessages.notUtf8File(name));
  }
  if (text.trim() === '') throw new UserError('ingest_empty', ingestMessages.noText());
  return { kind: 'text', text };
}

async function readFileCapped(path: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, 'r');
    const { size } = await handle.stat();
    if (size > INGEST_MAX_BYTES) throw new UserError('ingest_too_large', ingestMessages.tooLarge(INGEST_MAX_BYTES));
    return await handle.readFile();
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError('ingest_unreadable', ingestMessages.fileUnreadable(path, (error as NodeJS.ErrnoException).code ?? String(error)));
  } finally {
    await handle?.close();
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += (chunk as Buffer).length;
    if (size > INGEST_MAX_BYTES) throw new UserError('ingest_too_large', ingestMessages.tooLarge(INGEST_MAX_BYTES));
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
