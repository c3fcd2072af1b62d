import { z } from 'zod';
import type { Block, Reply, RichText } from '../core/reply.js';
import { defineCommand } from './command.js';
import { corpusCommandMessages as messages } from './command-messages.js';
import { describeReload } from './reload-command.js';

const SHOWN_DOCUMENTS = 25;
const SHOWN_WARNINGS = 25;

/** `/readout corpus`: the documents served and the files skipped, with why; `readout corpus` on the command line is its full form. */
export const corpusCommand = defineCommand({
  name: 'corpus',
  description: 'The documents the bot serves, and the files it skipped with the reason',
  options: z.object({}),
  positional: [],
  examples: ['corpus'],
  run(_options, ctx): Reply {
    const { documents, warnings } = ctx.services.corpus;
    const blocks: Block[] = [{ kind: 'heading', text: messages.heading(documents.length, warnings.length) }];
    const shown = documents.slice(0, SHOWN_DOCUMENTS);
    if (shown.length > 0) {
      blocks.push({
        kind: 'list',
        items: shown.map(
          (document): RichText => [
            { text: document.id, emphasis: 'code' },
            { text: ` ${document.eventDate ?? 'undated'} · ${document.title}` },
            ...(document.warnings.length ? [{ text: ` (${document.warnings.join('; ')})`, emphasis: 'em' as const }] : []),
          ],
        ),
      });
    }
    if (documents.length > shown.length) blocks.push({ kind: 'note', text: messages.more(shown.length, documents.length) });
    if (warnings.length > 0) {
      blocks.push({
        kind: 'list',
        items: warnings
          .slice(0, SHOWN_WARNINGS)
          .map(
            (warning): RichText => [
              { text: 'skipped ', emphasis: 'strong' },
              { text: warning.file, emphasis: 'code' },
              { text: `: ${warning.reason}` },
            ],
          ),
      });
    }
    const live = ctx.services.live;
    if (live?.status() === 'reloading') blocks.push({ kind: 'note', text: messages.reloading() });
    const last = live?.lastReload();
    if (last) blocks.push({ kind: 'note', text: messages.lastReload(describeReload(last)) });
    const fallback = `${messages.heading(documents.length, warnings.length)}${warnings.map((w) => `; skipped ${w.file}: ${w.reason}`).join('')}`;
    return { visibility: 'ephemeral', blocks, buttons: [], fallback };
  },
});
