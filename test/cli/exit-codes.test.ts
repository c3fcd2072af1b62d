import { describe, expect, it } from 'vitest';
import { runReadout } from './run-readout.js';

/** One rule for every command: 0 when something was found, 1 when nothing was (or the input was refused), 2 for a bad command line. */
describe('exit codes', () => {
  it.each([
    [['lookup', 'zzzqqqxx'], 1],
    [['lookup', 'zzzqqqxx', '--json'], 1],
    [['quote', 'zzzqqqxx'], 1],
    [['quote', 'omamo'], 1],
    [['onthisday', '2026-09-15'], 1],
    [['onthisday', '2026-09-15', '--json'], 1],
    [['doc', 'nosuchdoc'], 1],
    [['digest', 'log'], 1],
    [['lookup', 'belt'], 0],
    [['onthisday', '2026-04-24'], 0],
    [['lokup', 'belt'], 2],
  ] as const)(
    'readout %j exits %i',
    (args, code) => {
      const run = runReadout([...args]);
      expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(code);
    },
    60_000,
  );

  it('`readout help digest` lists every action and option, the shell-only ones too', () => {
    const { code, stdout } = runReadout(['help', 'digest']);
    expect(code).toBe(0);
    for (const word of ['subscribe', 'unsubscribe', 'pause', 'resume', 'status', 'preview', 'list', 'run', 'export', 'import', 'log']) {
      expect(stdout).toMatch(new RegExp(`\\b${word}\\b`));
    }
    for (const option of ['--empty', '--date', '--platform', '--workspace', '--channel', '--limit', '--json', '--seeds']) {
      expect(stdout).toContain(option);
    }
  }, 60_000);
});
