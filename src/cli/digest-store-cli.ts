import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { loadConfig, postgresPoolSettings } from '../config.js';
import { parseIsoDate } from '../core/calendar/parse-iso-date.js';
import { isTerminalSlotState } from '../core/store/slot-states.js';
import type { SlotRecord, Store } from '../core/store/store-types.js';
import { UserError } from '../core/user-error.js';
import { openStore } from '../store/open-store.js';
import { exportSubscriptions } from './export-subscriptions.js';
import { importSubscriptions } from './import-subscriptions.js';
import { storeCliMessages } from './store-cli-messages.js';

const DEFAULT_LOG_LIMIT = 200;
const MAX_LOG_LIMIT = 10_000;
const MAX_BAD_LINES_SHOWN = 50;

/** The store DATABASE_URL names, without the corpus: these commands only move and read rows. */
async function withStore<T>(fn: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore(config.DATABASE_URL, { pool: postgresPoolSettings(config) });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

const writeOut = (chunk: string) =>
  new Promise<void>((resolve) => (process.stdout.write(chunk) ? resolve() : process.stdout.once('drain', resolve)));

/** `readout digest export [--json]`: every subscription as one JSON line on stdout (what `import` reads). */
export async function runExportCli(argv: string[]): Promise<number> {
  try {
    parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true });
  } catch (error) {
    throw new UserError('bad_arguments', storeCliMessages.exportUsage(error instanceof Error ? error.message : String(error)));
  }
  const count = await withStore((store) => exportSubscriptions(store, writeOut));
  process.stderr.write(`${storeCliMessages.exported(count.subscriptions, count.follows)}\n`);
  return 0;
}

/** `readout digest import FILE|-`: creates or updates each line's channel; bad lines are named by number, the rest kept. */
export async function runImportCli(argv: string[]): Promise<number> {
  const [source, ...extra] = argv;
  if (!source || extra.length > 0 || (source.startsWith('-') && source !== '-'))
    throw new UserError('bad_arguments', storeCliMessages.importUsage);
  let input: NodeJS.ReadableStream = process.stdin;
  let close = async () => {};
  if (source !== '-') {
    try {
      const handle = await open(source, 'r');
      input = handle.createReadStream({ encoding: 'utf8' });
      close = () => handle.close();
    } catch (error) {
      throw new UserError('cannot_read', storeCliMessages.cannotRead(source, reasonOf(error)));
    }
  }
  try {
    const report = await withStore(async (store) => {
      try {
        return await importSubscriptions(store, createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY }));
      } catch (error) {
        if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('E'))
          throw new UserError('cannot_read', storeCliMessages.cannotRead(source === '-' ? 'stdin' : source, reasonOf(error)));
        throw error;
      }
    });
    for (const bad of report.bad.slice(0, MAX_BAD_LINES_SHOWN))
      process.stderr.write(`${storeCliMessages.badLine(bad.line, bad.problem)}\n`);
    if (report.bad.length > MAX_BAD_LINES_SHOWN)
      process.stderr.write(`${storeCliMessages.tooManyBadLines(MAX_BAD_LINES_SHOWN, report.bad.length)}\n`);
    process.stdout.write(`${storeCliMessages.imported(report.created, report.updated, report.bad.length, report.follows ?? 0)}\n`);
    return report.bad.length > 0 ? 1 : 0;
  } finally {
    await close();
  }
}

/** `readout digest log`: the delivery log, newest first, bounded by --limit; `--json` is one object per slot per line. */
export async function runLogCli(argv: string[]): Promise<number> {
  let values: { date?: string; platform?: string; workspace?: string; channel?: string; limit?: string; json?: boolean };
  try {
    values = parseArgs({
      args: argv,
      options: {
        date: { type: 'string' },
        platform: { type: 'string' },
        workspace: { type: 'string' },
        channel: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new UserError('bad_arguments', storeCliMessages.logUsage(error instanceof Error ? error.message : String(error)));
  }
  let localDate: string | undefined;
  if (values.date !== undefined) {
    const parsed = parseIsoDate(values.date);
    if (!parsed.ok) throw new UserError(parsed.problem.code, parsed.problem.message);
    localDate = parsed.date;
  }
  const limit = values.limit === undefined ? DEFAULT_LOG_LIMIT : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LOG_LIMIT)
    throw new UserError('bad_arguments', storeCliMessages.logUsage(`--limit ${values.limit}`));
  if (values.platform !== undefined && !['slack', 'discord', 'console'].includes(values.platform))
    throw new UserError('bad_platform', `--platform takes slack, discord or console, not "${values.platform}".`);
  // One more than asked: tells whether there is more to see without counting a whole history.
  const slots = await withStore((store) =>
    store.listSlots({
      ...(values.platform ? { platform: values.platform as SlotRecord['platform'] } : {}),
      ...(values.workspace ? { workspace: values.workspace } : {}),
      ...(values.channel ? { channel: values.channel } : {}),
      ...(localDate ? { localDate } : {}),
      limit: limit + 1,
    }),
  );
  const shown = slots.slice(0, limit);
  if (values.json) {
    await writeOut(shown.map((slot) => `${JSON.stringify(toLogEntry(slot))}\n`).join(''));
  } else if (shown.length === 0) {
    process.stdout.write(`${storeCliMessages.noSlots}\n`);
  } else {
    await writeOut(shown.map((slot) => `${describeSlot(slot)}\n`).join(''));
  }
  if (slots.length > limit) process.stderr.write(`${storeCliMessages.moreSlots(limit)}\n`);
  // "Nothing found" exits 1, as it does for every command.
  return shown.length === 0 ? 1 : 0;
}

/** One slot of the delivery log, with the fields an operator asks about when a channel got nothing. */
export function toLogEntry(slot: SlotRecord) {
  return {
    key: slot.key,
    platform: slot.platform,
    workspace: slot.workspace,
    channel: slot.channel,
    localDate: slot.localDate,
    state: slot.state,
    attempts: slot.attempts,
    dueAt: slot.dueAt,
    postedAt: slot.postedAt,
    messageId: slot.messageId,
    reason: slot.reason,
    claimedBy: slot.claimedBy,
    leaseUntil: slot.leaseUntil,
    updatedAt: slot.updatedAt,
  };
}

function describeSlot(slot: SlotRecord): string {
  const parts = [
    slot.localDate,
    `${slot.platform}/${slot.workspace}/${slot.channel}`,
    slot.state,
    `attempts ${slot.attempts}`,
    `due ${slot.dueAt ?? '-'}`,
    `posted ${slot.postedAt ?? '-'}`,
  ];
  if (slot.messageId) parts.push(`message ${slot.messageId}`);
  if (!isTerminalSlotState(slot.state) && slot.leaseUntil)
    parts.push(`${slot.state.startsWith('retry') ? 'retry' : 'held'} until ${slot.leaseUntil}`);
  if (slot.pagesSent > 0 && !isTerminalSlotState(slot.state)) parts.push(`pages sent ${slot.pagesSent}`);
  return `${parts.join('  ')}${slot.reason ? `  — ${slot.reason}` : ''}`;
}

function reasonOf(error: unknown): string {
  if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return 'no such file';
  if (error instanceof Error && 'code' in error && error.code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
