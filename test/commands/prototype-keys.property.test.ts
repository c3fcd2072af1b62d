import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Services } from '../../src/commands/command.js';
import { createContext } from '../../src/commands/create-context.js';
import { describeOptions } from '../../src/commands/describe-options.js';
import { dispatchPlatform, platformCommands } from '../../src/commands/platform-commands.js';
import { commands } from '../../src/commands/registry.js';
import type { Reply } from '../../src/core/reply.js';
import { FakeClock } from '../fakes/fake-clock.js';
import { seedServices } from '../fakes/seed-services.js';
import { RecordingLogger } from '../fakes/slack-recording-logger.js';

/** Words that name Object.prototype's members: a table looked up by user text must not find them. */
const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf'];
const SURFACES = ['slack', 'discord', 'console'] as const;
type Surface = (typeof SURFACES)[number];

/** Every option of every command, as each platform offers it: the slash command, its subcommand, the option. */
const CELLS = platformCommands(commands).flatMap((platform) =>
  (platform.command ? [platform.command] : (platform.subcommands ?? [])).flatMap((command) =>
    describeOptions(command).map((spec) => ({
      name: platform.name,
      subcommand: platform.command ? undefined : command.name,
      command: command.name,
      option: spec.name,
      positional: spec.positional,
    })),
  ),
);
type Cell = (typeof CELLS)[number];

let services: Services;
const logger = new RecordingLogger();
const clock = new FakeClock(new Date('2026-06-17T09:00:00Z'));

beforeAll(async () => {
  services = { ...(await seedServices()), logger };
});

/** Runs one cell with `value` as the option's value, the way the surface delivers it. */
async function run(surface: Surface, cell: Cell, value: string, asFlag: boolean): Promise<Reply> {
  logger.lines.length = 0;
  const ctx = await createContext({ platform: surface, workspace: 'T0PROTO', channel: 'C0PROTO', user: 'U0PROTO' }, services, {
    clock,
    random: () => 0.5,
    // Everyone may change the digest here, so every branch behind the permission check runs too.
    digestAccess: { checkManager: async () => undefined },
  });
  if (surface === 'discord') {
    return dispatchPlatform(
      commands,
      { name: cell.name, ...(cell.subcommand ? { subcommand: cell.subcommand } : {}), options: { [cell.option]: value } },
      ctx,
    );
  }
  const typed = asFlag || !cell.positional ? `--${cell.option} ${JSON.stringify(value)}` : value;
  return dispatchPlatform(commands, { name: cell.name, text: cell.subcommand ? `${cell.subcommand} ${typed}` : typed }, ctx);
}

function expectNormalAnswer(reply: Reply, where: string): void {
  expect([where, reply.fallback]).not.toEqual([where, expect.stringContaining('Something went wrong on our side')]);
  expect([where, logger.messages('error')]).toEqual([where, []]);
}

describe('no option of any command on any surface reaches Object.prototype', () => {
  it('covers every option of every command', () => {
    const withOptions = commands.filter((command) => describeOptions(command).length > 0).map((command) => command.name);
    expect(withOptions.length).toBeGreaterThan(5);
    expect([...new Set(CELLS.map((cell) => cell.command))].sort()).toEqual(withOptions.sort());
  });

  it.each(SURFACES)('%s: each prototype word alone, in every option, as a bare word and as a flag', async (surface) => {
    for (const cell of CELLS) {
      for (const key of KEYS) {
        for (const asFlag of [false, true]) {
          const reply = await run(surface, cell, key, asFlag);
          expectNormalAnswer(reply, `${surface} /${cell.name} ${cell.subcommand ?? ''} ${cell.option}=${key}`);
        }
      }
    }
  });

  it('any surface, any option, a prototype word inside longer text', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SURFACES),
        fc.constantFrom(...CELLS),
        fc.constantFrom(...KEYS),
        fc.constantFrom('', ' ', '-', ':', '.', '/', ' 2025 ', ' kenya ', 'Asia/'),
        fc.constantFrom('', ' ', '-', ':', '.', '/', ' 2025', ' june', '/Almaty'),
        fc.boolean(),
        async (surface, cell, key, before, after, asFlag) => {
          const value = `${before}${key}${after}`.trim() || key;
          const reply = await run(surface, cell, value, asFlag);
          expectNormalAnswer(reply, `${surface} /${cell.name} ${cell.subcommand ?? ''} ${cell.option}=${value}`);
        },
      ),
      { numRuns: 300, seed: 19 },
    );
  });

  it.each(KEYS)('command, subcommand and option names: /%s, /readout %s and --%s', async (key) => {
    const ctx = await createContext({ platform: 'slack', workspace: 'T0PROTO', channel: 'C0PROTO', user: 'U0PROTO' }, services, { clock });
    logger.lines.length = 0;
    for (const invocation of [
      { name: key, text: '' },
      { name: 'readout', text: key },
      { name: 'readout', text: `help ${key}` },
      { name: 'lookup', text: `--${key} x` },
      { name: 'lookup', text: `trade --${key}=x` },
      { name: 'readout', subcommand: key },
    ]) {
      expectNormalAnswer(await dispatchPlatform(commands, invocation, ctx), JSON.stringify(invocation));
    }
  });
});
