import { z } from 'zod';
import { type Reply, textReply } from '../core/reply.js';
import { defineCommand } from './command.js';

export const speakersCommand = defineCommand({
  name: 'speakers',
  description: 'Who is quoted in the corpus, and how often',
  options: z.object({}),
  positional: [],
  examples: ['speakers'],
  json: (_options, ctx) => ({ speakers: ctx.services.quotes.speakers() }),
  run(_options, ctx): Reply {
    const speakers = ctx.services.quotes.speakers();
    if (speakers.length === 0) return textReply('Nobody is quoted in the corpus yet.');
    return {
      visibility: 'ephemeral',
      blocks: [
        { kind: 'heading', text: 'Speakers' },
        {
          kind: 'list',
          items: speakers.map((s) => [
            { text: s.speaker, emphasis: 'strong' as const },
            { text: ` — ${s.count} quote${s.count === 1 ? '' : 's'}` },
          ]),
        },
        { kind: 'note', text: 'See their words with /quote NAME.' },
      ],
      buttons: [],
      fallback: speakers.map((s) => `${s.speaker} (${s.count})`).join(', '),
    };
  },
});
