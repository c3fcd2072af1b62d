import { z } from 'zod';
import type { Block, Reply } from '../core/reply.js';
import { type AnyCommand, defineCommand } from './command.js';
import { usageOf } from './usage.js';

/** `help`, generated from the declarations themselves so it never drifts from them. */
export function createHelpCommand(list: () => readonly AnyCommand[]): AnyCommand {
  return defineCommand({
    name: 'help',
    description: 'List the commands, or explain one: /help lookup',
    options: z.object({
      command: z.string().max(40).optional().describe('A command to explain, e.g. lookup'),
    }),
    positional: ['command'],
    examples: ['help', 'help quote'],
    run({ command }): Reply {
      const commands = list();
      const wanted = command?.replace(/^\//, '').toLowerCase();
      const chosen = wanted ? commands.filter((c) => c.name === wanted) : commands;
      if (wanted && chosen.length === 0) {
        const text = `There is no command \`${wanted}\`. Commands: ${commands.map((c) => `/${c.name}`).join(', ')}.`;
        return { visibility: 'ephemeral', blocks: [{ kind: 'text', text: [{ text }] }], buttons: [], fallback: text, isError: true };
      }
      const blocks: Block[] = [{ kind: 'heading', text: wanted ? `/${wanted}` : 'readout commands' }];
      for (const c of chosen) {
        blocks.push({
          kind: 'fields',
          fields: [
            { label: usageOf(c), value: c.description },
            { label: 'Examples', value: c.examples.map((e) => `/${e}`).join('\n') },
          ],
        });
      }
      blocks.push({
        kind: 'note',
        text: 'In Slack and Discord, /help, /doc, /speakers, /corpus and /reload live under /readout: /readout help.',
      });
      return { visibility: 'ephemeral', blocks, buttons: [], fallback: `readout commands: ${chosen.map((c) => `/${c.name}`).join(', ')}` };
    },
  });
}
