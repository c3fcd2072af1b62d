import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildDiscordCommands } from '../../../src/adapters/discord/build-discord-commands.js';
import { readOptions } from '../../../src/adapters/discord/read-options.js';
import { type AnyCommand, defineCommand } from '../../../src/commands/command.js';
import { commands } from '../../../src/commands/registry.js';
import { fakeDiscordCommands } from '../../fakes/fake-discord-services.js';

function declaration(options: z.ZodObject<z.ZodRawShape>, extra: Partial<AnyCommand> = {}): AnyCommand {
  return defineCommand({
    name: 'lookup',
    description: 'Search',
    options,
    positional: [],
    examples: [],
    run: () => ({ visibility: 'ephemeral', blocks: [], buttons: [], fallback: '' }),
    ...extra,
  });
}

describe('buildDiscordCommands', () => {
  it('builds the real declarations into the committed command JSON (update with vitest -u when commands change)', async () => {
    const json = buildDiscordCommands(commands);
    expect(json.map((c) => c.name)).toEqual(['lookup', 'quote', 'onthisday', 'timeline', 'digest', 'readout']);
    await expect(`${JSON.stringify(json, null, 2)}\n`).toMatchFileSnapshot('./__snapshots__/discord-commands.json');
  });

  it('registers /digest for members who can manage channels (Discord hides it from others by default); the rest for everyone', () => {
    const json = buildDiscordCommands(commands);
    expect(Object.fromEntries(json.map((c) => [c.name, c.default_member_permissions ?? null]))).toEqual({
      lookup: null,
      quote: null,
      onthisday: null,
      timeline: null,
      digest: '16',
      readout: null,
    });
  });

  it('puts help, doc and speakers under /readout as subcommands', () => {
    const readout = buildDiscordCommands(commands).find((c) => c.name === 'readout');
    expect(readout?.options?.map((o) => [o.name, o.type])).toEqual(
      expect.arrayContaining([
        ['help', 1],
        ['doc', 1],
        ['speakers', 1],
      ]),
    );
  });

  it.each([
    {
      case: 'option types, ranges and required-first order',
      options: z.object({
        limit: z.number().int().min(1).max(50).optional().describe('How many'),
        ratio: z.number().optional().describe('Ratio'),
        query: z.string().describe('Words'),
        loud: z.boolean().optional().describe('Loud'),
      }),
      expected: [
        { type: 3, name: 'query', required: true },
        { type: 4, name: 'limit', min_value: 1, max_value: 50, required: false },
        { type: 10, name: 'ratio', required: false },
        { type: 5, name: 'loud', required: false },
      ],
    },
    {
      case: 'camelCase names become lowercase Discord names',
      options: z.object({ postEmpty: z.boolean().optional().describe('Say so on empty days') }),
      expected: [{ type: 5, name: 'post-empty' }],
    },
    {
      case: 'enums become choices',
      options: z.object({ mode: z.enum(['daily', 'weekly']).describe('How often') }),
      expected: [
        {
          type: 3,
          name: 'mode',
          choices: [
            { name: 'daily', value: 'daily' },
            { name: 'weekly', value: 'weekly' },
          ],
        },
      ],
    },
    {
      case: 'more than 25 values are typed, not offered',
      options: z.object({ mode: z.enum(Array.from({ length: 30 }, (_, i) => `m${i}`) as [string, ...string[]]).describe('Mode') }),
      expected: [{ type: 3, name: 'mode', choices: undefined }],
    },
    {
      case: 'long descriptions are cut to 100 characters',
      options: z.object({ query: z.string().describe('x'.repeat(150)) }),
      expected: [{ description: `${'x'.repeat(99)}…` }],
    },
  ])('$case', ({ options, expected }) => {
    const [lookup] = buildDiscordCommands([declaration(options)]);
    expect(lookup?.options).toMatchObject(expected);
  });

  it('marks options with an autocomplete source, unless they have choices', () => {
    const command = declaration(
      z.object({ speaker: z.string().optional().describe('Who'), zone: z.enum(['UTC', 'Asia/Almaty']).optional().describe('Zone') }),
      {
        autocomplete: { speaker: 'speaker', zone: 'timezone' },
      },
    );
    const [json] = buildDiscordCommands([command]);
    expect(json?.options).toMatchObject([
      { name: 'speaker', autocomplete: true },
      { name: 'zone', choices: [{ value: 'UTC' }, { value: 'Asia/Almaty' }] },
    ]);
    expect((json?.options?.[1] as { autocomplete?: boolean } | undefined)?.autocomplete).toBeUndefined();
  });

  it('refuses a name Discord would reject', () => {
    expect(() => buildDiscordCommands([{ ...declaration(z.object({})), name: 'Look Up' }])).toThrow();
  });
});

describe('readOptions', () => {
  it('maps Discord names back to declared names and leaves absent options out', () => {
    const onthisday = fakeDiscordCommands().find((c) => c.name === 'onthisday') as AnyCommand;
    const given: Record<string, unknown> = { 'post-empty': true };
    const resolver = { get: (name: string) => (name in given ? { name, type: 5, value: given[name] } : null) };
    expect(readOptions(resolver as never, onthisday)).toEqual({ postEmpty: true });
  });
});
