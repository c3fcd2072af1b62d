import { z } from 'zod';
import { ingestDocument } from '../core/ingest/ingest-document.js';
import { type Reply, textReply } from '../core/reply.js';
import { defineCommand } from './command.js';
import { corpusCommandMessages as messages } from './command-messages.js';
import { isOperator } from './is-operator.js';

/** `/readout add <url>` (operators only): fetches a readout page and adds it to the corpus every replica serves. */
export const addCommand = defineCommand({
  name: 'add',
  description: 'Operators: add a readout to the corpus from its web address',
  options: z.object({
    url: z.string().trim().min(1).max(2000).describe('The web address of the readout, e.g. https://www.fmprc.gov.cn/…'),
  }),
  positional: ['url'],
  examples: ['add https://english.news.cn/20250424/readout.html'],
  async run({ url }, ctx): Promise<Reply> {
    if (!isOperator(ctx)) return textReply(messages.operatorsOnly('readout add'), { isError: true });
    const outcome = await ingestDocument(
      { kind: 'url', url: url.replace(/^<|>$/g, '').split('|')[0]! },
      {
        store: ctx.services.store,
        gazetteer: ctx.services.corpus.gazetteer,
        allowPrivate: ctx.services.ingestAllowPrivate ?? false,
        addedBy: `${ctx.platform}:${ctx.user}`,
      },
    );
    // This process serves it before answering; the others hear of it from the store.
    if (outcome.kind === 'added') await ctx.services.live?.reload('add');
    return textReply(outcome.message, outcome.kind === 'refused' ? { isError: true } : {});
  },
});
