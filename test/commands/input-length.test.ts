import { describe, expect, it } from 'vitest';
import { buildDiscordCommands } from '../../src/adapters/discord/build-discord-commands.js';
import { commands } from '../../src/commands/registry.js';
import { validateOptions } from '../../src/commands/validate-options.js';
import { UserError } from '../../src/core/user-error.js';

/** Every string option of the generated Discord commands, subcommands included. */
function stringOptions(): { path: string; option: { type: number; max_length?: number; choices?: unknown[] } }[] {
  // biome-ignore lint/suspicious/noExplicitAny: walking raw command JSON
  const walk = (path: string, options: any[] = []): ReturnType<typeof stringOptions> =>
    options.flatMap((o) =>
      o.type === 1 ? walk(`${path} ${o.name}`, o.options) : o.type === 3 ? [{ path: `${path} ${o.name}`, option: o }] : [],
    );
  return buildDiscordCommands(commands).flatMap((c) => walk(`/${c.name}`, c.options));
}

describe('input length limits', () => {
  it('gives every free-text Discord option a max_length below Discord’s 6,000', () => {
    const free = stringOptions().filter((s) => !s.option.choices);
    expect(free.map((s) => s.path)).toEqual(
      expect.arrayContaining(['/lookup query', '/quote about', '/quote id', '/onthisday date', '/digest time']),
    );
    for (const { path, option } of free) {
      expect(option.max_length, path).toBeDefined();
      expect(option.max_length!, path).toBeLessThanOrEqual(2_000);
    }
  });

  it.each([
    { command: 'lookup', option: 'query', value: 'trade '.repeat(400) },
    { command: 'quote', option: 'about', value: 'x'.repeat(501) },
    { command: 'onthisday', option: 'date', value: '2024-05-17'.repeat(5) },
    { command: 'digest', option: 'time', value: '09:00'.repeat(3) },
  ])('answers an over-long /$command $option with its length and the limit', ({ command, option, value }) => {
    const declaration = commands.find((c) => c.name === command)!;
    let error: unknown;
    try {
      validateOptions(declaration, { [option]: value });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).message).toMatch(
      new RegExp(`^\`${option}\` is too long for \`/${command}\`: [\\d,]+ characters, and it takes at most [\\d,]+\\.`),
    );
  });
});
