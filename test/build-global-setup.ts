import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Tests that start the real process run `bin/readout.js`, which runs the built `dist/`: build it once
 * per test run (incremental, a couple of seconds when nothing changed) so they never run stale code.
 */
export default function setup(): void {
  const root = resolve(import.meta.dirname, '..');
  execFileSync(process.execPath, [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'], {
    cwd: root,
    stdio: 'inherit',
  });
}
