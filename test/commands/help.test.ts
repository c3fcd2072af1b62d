import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderText } from '../../src/adapters/console/render-text.js';
import { visibleLength } from '../../src/adapters/console/wrap-text.js';
import type { Services } from '../../src/commands/command.js';
import { commands } from '../../src/commands/registry.js';
import type { Reply } from '../../src/core/reply.js';
import { seedServices } from '../fakes/seed-services.js';
import { dispatchOnConsole } from './dispatch-on-console.js';

const ROOT = resolve(import.meta.dirname, '../..');
let services: Services;
beforeAll(async () => {
  services = await seedServices();
});
afterAll(async () => {
  await services.store.close();
});

const run = (command: string, text: string): Promise<Reply> => dispatchOnConsole(services, command, text);

describe('help for one command', () => {
  it('explains every option: meaning, type, default and limits, with examples', async () => {
    const text = renderText(await run('help', 'lookup'), { color: false });
    expect(text).toContain('--limit N: Passages per page. A whole number from 1 to 50; default 5.');
    expect(text).toContain('--offset N: Passages to skip, for the next page. A whole number from 0 to 100000; default 0.');
    expect(text).toContain('--public: Show the results to the whole channel. A switch: on when given.');
    expect(text).toMatch(/<query>…\n\s+Words, "exact phrases" .* Text; takes the rest of the line\./);
    expect(text).toContain('/lookup belt and road');
    const onThisDay = renderText(await run('help', 'onthisday'), { color: false });
    expect(onThisDay).toContain('--window N: Days either side for nearby anniversaries. A whole number from 0 to 31; optional.');
  });

  it('is what /lookup --help shows, instead of running the command', async () => {
    const viaFlag = await run('lookup', '--help');
    expect(viaFlag.isError).toBeFalsy();
    expect(renderText(viaFlag, { color: false })).toBe(renderText(await run('help', 'lookup'), { color: false }));
    expect(renderText(await run('quote', 'ruto --help'), { color: false })).toContain(
      '--limit N: How many quotes. A whole number from 1 to 50',
    );
  });

  it('never exceeds the terminal width', async () => {
    for (const command of commands) {
      const text = renderText(await run('help', command.name), { color: false, width: 40 });
      for (const line of text.split('\n')) expect(visibleLength(line), line).toBeLessThanOrEqual(40);
    }
  });

  it.each([[['help', 'lookup']], [['lookup', '--help']]])('is printed by readout %j, within 80 columns when piped', (argv) => {
    const result = spawnSync(process.execPath, ['bin/readout.js', ...argv], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^readout lookup <query>/);
    expect(result.stdout).toContain('--limit N: Passages per page. A whole number from 1 to 50; default 5.');
    expect(result.stdout).toContain('readout lookup belt and road');
    expect(result.stdout).toContain('--json');
    for (const line of result.stdout.split('\n')) expect(visibleLength(line)).toBeLessThanOrEqual(80);
  });

  it('keeps the overview of readout help within 80 columns when piped', () => {
    const result = spawnSync(process.execPath, ['bin/readout.js', 'help'], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('help [command]');
    for (const line of result.stdout.split('\n')) expect(visibleLength(line), line).toBeLessThanOrEqual(80);
  });
});
