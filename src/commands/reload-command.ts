import { z } from 'zod';
import type { ReloadOutcome } from '../core/live/create-live-corpus.js';
import { type Reply, textReply } from '../core/reply.js';
import { defineCommand } from './command.js';
import { corpusCommandMessages as messages } from './command-messages.js';
import { isOperator } from './is-operator.js';

/** `/readout reload` (operators only): re-reads the seeds folder now; the old corpus answers until the new one is ready. */
export const reloadCommand = defineCommand({
  name: 'reload',
  description: 'Operators: re-read the seeds folder now (it also reloads by itself when files change)',
  options: z.object({}),
  positional: [],
  examples: ['reload'],
  async run(_options, ctx): Promise<Reply> {
    if (!isOperator(ctx)) return textReply(messages.operatorsOnly('readout reload'), { isError: true });
    const live = ctx.services.live;
    if (!live) return textReply(messages.notLive(), { isError: true });
    const outcome = await live.reload(`${ctx.platform}:${ctx.user}`);
    return textReply(describeReload(outcome), outcome.kind === 'failed' ? { isError: true } : {});
  },
});

/** One line about a reload's outcome, for the reply and for `/readout corpus`. */
export function describeReload(outcome: ReloadOutcome): string {
  if (outcome.kind === 'failed') return messages.failed(outcome.reason, outcome.documents);
  if (outcome.kind === 'unchanged') return messages.unchanged(outcome.documents);
  const text = messages.reloaded(
    outcome.documents,
    outcome.added,
    outcome.removed,
    outcome.changed,
    (outcome.durationMs / 1000).toFixed(1),
  );
  return outcome.warnings.length ? `${text} ${messages.skipped(outcome.warnings.length)}` : text;
}
