import { z } from 'zod';
import type { Block, Field, Reply } from '../core/reply.js';
import { type AnyCommand, defineCommand } from './command.js';
import { describeOptions, type OptionSpec } from './describe-options.js';
import { usageOf } from './usage.js';

/** `help`, generated from the declarations themselves so it never drifts from them. */
export function createHelpCommand(list: () => readonly AnyCommand[]): AnyCommand {
  return defineCommand({
    name: 'help',
    description: 'List the commands, or explain one with every option: /help lookup',
    options: z.object({
      command: z.string().max(40).optional().describe('A command to explain, e.g. lookup'),
    }),
    positional: ['command'],
    examples: ['help', 'help quote'],
    run({ command }): Reply {
      const commands = list();
      const wanted = command?.replace(/^\//, '').toLowerCase();
      if (!wanted) return overview(commands);
      const chosen = commands.find((c) => c.name === wanted);
      if (!chosen) {
        const text = `There is no command \`${wanted}\`. Commands: ${commands.map((c) => `/${c.name}`).join(', ')}.`;
        return { visibility: 'ephemeral', blocks: [{ kind: 'text', text: [{ text }] }], buttons: [], fallback: text, isError: true };
      }
      return commandHelp(chosen);
    },
  });
}

function overview(commands: readonly AnyCommand[]): Reply {
  const blocks: Block[] = [{ kind: 'heading', text: 'readout commands' }];
  for (const c of commands) {
    blocks.push({
      kind: 'fields',
      fields: [
        { label: usageOf(c), value: c.description },
        { label: 'Examples', value: c.examples.map((e) => `/${e}`).join('\n') },
      ],
    });
  }
  blocks.push({ kind: 'note', text: 'Every option explained: /help lookup (or /lookup --help).' });
  blocks.push({
    kind: 'note',
    text: 'In Slack and Discord, /help, /doc, /speakers, /corpus and /reload live under /readout: /readout help.',
  });
  return { visibility: 'ephemeral', blocks, buttons: [], fallback: `readout commands: ${commands.map((c) => `/${c.name}`).join(', ')}` };
}

/** One command's help: usage, what it does, every option (meaning, type, default, limits) and examples. */
export function commandHelp(command: AnyCommand): Reply {
  const specs = describeOptions(command);
  const blocks: Block[] = [
    { kind: 'heading', text: usageOf(command) },
    { kind: 'text', text: [{ text: command.description }] },
  ];
  if (specs.length > 0) blocks.push({ kind: 'fields', fields: specs.map(optionField) });
  blocks.push({ kind: 'fields', fields: [{ label: 'Examples', value: command.examples.map((e) => `/${e}`).join('\n') }] });
  return { visibility: 'ephemeral', blocks, buttons: [], fallback: `${usageOf(command)}: ${command.description}` };
}

/** `--limit N`: "Passages per page. A whole number from 1 to 50; default 5." */
function optionField(spec: OptionSpec): Field {
  const label = spec.positional
    ? `${spec.required ? '<' : '['}${spec.name}${spec.required ? '>' : ']'}${spec.rest ? '…' : ''}`
    : spec.type === 'boolean'
      ? `--${spec.name}`
      : `--${spec.name} ${spec.type === 'string' ? spec.name.toUpperCase() : 'N'}`;
  const facts = [typeText(spec)];
  if (spec.defaultValue !== undefined && spec.type !== 'boolean') facts.push(`default ${String(spec.defaultValue)}`);
  else if (!spec.required && spec.type !== 'boolean') facts.push('optional');
  if (spec.positional && !spec.rest) facts.push(`or --${spec.name}`);
  if (spec.rest) facts.push('takes the rest of the line');
  const meaning = spec.description.replace(/\s*\(\d+-\d+\)$/, '');
  return { label, value: `${meaning}. ${capitalize(facts.join('; '))}.` };
}

function typeText(spec: OptionSpec): string {
  if (spec.choices) return `one of ${spec.choices.join(', ')}`;
  const range = spec.min !== undefined && spec.max !== undefined ? ` from ${spec.min} to ${spec.max}` : '';
  switch (spec.type) {
    case 'integer':
      return `a whole number${range}`;
    case 'number':
      return `a number${range}`;
    case 'boolean':
      return 'a switch: on when given';
    default:
      return 'text';
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
