import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/commands/create-context.js';
import { dispatch } from '../../src/commands/dispatch.js';
import { nearestName } from '../../src/commands/nearest-name.js';
import { commands } from '../../src/commands/registry.js';
import { plainText } from '../../src/core/reply.js';
import { seedServices } from '../fakes/seed-services.js';

const NAMES = commands.map((c) => c.name);

describe('nearestName', () => {
  it.each([
    ['lokup', 'lookup'],
    ['/lokup', 'lookup'],
    ['qoute', 'quote'],
    ['onthsday', 'onthisday'],
    ['diges', 'digest'],
    ['look', 'lookup'],
    ['xyzzy', undefined],
    ['', undefined],
  ])('%j → %j', (typed, expected) => {
    expect(nearestName(typed, NAMES)).toBe(expected);
  });

  it('turns a mistyped command into a "did you mean" reply', async () => {
    const services = await seedServices();
    const ctx = await createContext({ platform: 'console', workspace: 'local', channel: 'c', user: 'u' }, services);
    const reply = await dispatch(commands, { command: 'lokup', text: 'belt' }, ctx);
    await services.store.close();
    expect(reply.isError).toBe(true);
    expect(plainText(reply.blocks[0]?.kind === 'text' ? reply.blocks[0].text : [])).toContain('Did you mean /lookup?');
  });
});
