import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildManifest, MANIFEST_COMMAND, MANIFEST_PATH, SLACK_SCOPES } from '../../../src/adapters/slack/build-manifest.js';
import { platformCommands } from '../../../src/commands/platform-commands.js';
import { commands } from '../../../src/commands/registry.js';

describe('slack/manifest.yml', () => {
  it('matches the command declarations (regenerate it when this fails)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../..', MANIFEST_PATH), 'utf8');
    expect(committed, `slack/manifest.yml drifted from the declarations: run ${MANIFEST_COMMAND}`).toBe(buildManifest(commands));
  });

  it.each(platformCommands(commands).map((p) => [p.name]))('declares /%s', (name) => {
    expect(buildManifest(commands)).toContain(`    - command: /${name}\n`);
  });

  it('asks only for the scopes readout uses, with interactivity and Socket Mode on', () => {
    const manifest = buildManifest(commands);
    const scopes = manifest
      .split('    bot:\n')[1]!
      .split('settings:')[0]!
      .trim()
      .split('\n')
      .map((line) => line.replace(/^\s*- /, ''));
    expect(scopes).toEqual([...SLACK_SCOPES]);
    expect(manifest).toContain('  interactivity:\n    is_enabled: true');
    expect(manifest).toContain('socket_mode_enabled: true');
  });
});
