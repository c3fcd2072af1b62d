import type { Store, SubscriptionInput } from '../core/store/store-types.js';
import { parseFollowLine } from './follow-line.js';
import { parseSubscriptionLine } from './subscription-line.js';

const BATCH = 5_000;

export interface ImportReport {
  created: number;
  updated: number;
  /** Each bad line by its 1-based number, with what is wrong; the good lines around it were kept. */
  bad: { line: number; problem: string }[];
  /** Follow lines written (created or replaced), when the file had any. */
  follows?: number;
}

/**
 * Reads subscription lines into the store in batches (one transaction each): valid lines create or
 * update their channel, blank lines are skipped, bad lines are reported by number and left out.
 */
export async function importSubscriptions(store: Store, lines: AsyncIterable<string>): Promise<ImportReport> {
  const report: ImportReport = { created: 0, updated: 0, bad: [] };
  let batch: SubscriptionInput[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const result = await store.importSubscriptions(batch);
    report.created += result.created;
    report.updated += result.updated;
    batch = [];
  };
  let number = 0;
  for await (const text of lines) {
    number++;
    if (text.trim() === '') continue;
    const follow = parseFollowLine(text);
    if (follow) {
      if (!follow.ok) report.bad.push({ line: number, problem: follow.problem });
      else {
        await store.upsertFollow(follow.follow);
        if (follow.pausedReason !== undefined) await store.setFollowStatus(follow.follow, 'paused', follow.pausedReason ?? undefined);
        report.follows = (report.follows ?? 0) + 1;
      }
      continue;
    }
    const parsed = parseSubscriptionLine(text);
    if (!parsed.ok) {
      report.bad.push({ line: number, problem: parsed.problem });
      continue;
    }
    batch.push(parsed.sub);
    if (batch.length >= BATCH) await flush();
  }
  await flush();
  return report;
}
