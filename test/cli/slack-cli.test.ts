import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import type { Installation } from '@slack/bolt';
import { afterEach, describe, expect, it } from 'vitest';
import { createSlackInstallationStore } from '../../src/adapters/slack/slack-installation-store.js';
import { silentLogger } from '../../src/core/logger.js';
import { createTokenSealer, keyIdOf } from '../../src/core/secrets/token-sealer.js';
import { openStore } from '../../src/store/index.js';

const ROOT = resolve(import.meta.dirname, '../..');
const execute = promisify(execFile);
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

const BOT_TOKEN = `xoxb-${randomBytes(8).toString('hex')}`;
const REFRESH_TOKEN = `xoxe-1-${randomBytes(8).toString('hex')}`;

async function readout(args: string[], env: Record<string, string>) {
  const base: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const key of Object.keys(base)) if (/^(SLACK|DISCORD)_/.test(key)) delete base[key];
  try {
    const { stdout, stderr } = await execute(process.execPath, ['bin/readout.js', ...args], { cwd: ROOT, env: { ...base, ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

function installation(teamId: string, enterpriseId?: string): Installation {
  return {
    team: { id: teamId, name: teamId },
    enterprise: enterpriseId ? { id: enterpriseId, name: enterpriseId } : undefined,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: {
      token: BOT_TOKEN,
      refreshToken: REFRESH_TOKEN,
      expiresAt: 4_000_000_000,
      scopes: ['commands', 'chat:write'],
      id: 'B1',
      userId: 'U0BOT',
    },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  };
}

describe('readout slack installations and rotate-key', () => {
  it('lists installations without a token, and re-seals every one under the new key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'readout-slack-cli-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const databaseUrl = `sqlite:${join(dir, 'readout.db')}`;
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const store = await openStore(databaseUrl);
    const withKeys = (...keys: Buffer[]) =>
      createSlackInstallationStore({ store, sealer: createTokenSealer(keys), clientId: 'c', clientSecret: 's', logger: silentLogger });
    await withKeys(oldKey).storeInstallation(installation('T1'));
    await withKeys(oldKey).storeInstallation(installation('T2', 'E1'));

    const env = { DATABASE_URL: databaseUrl, READOUT_TOKEN_KEY: oldKey.toString('hex') };
    const listed = await readout(['slack', 'installations', '--json'], env);
    expect(listed.code).toBe(0);
    expect(JSON.parse(listed.stdout)).toEqual([
      expect.objectContaining({
        team: 'T1',
        enterprise: null,
        botUser: 'U0BOT',
        scopes: ['commands', 'chat:write'],
        keyId: keyIdOf(oldKey),
      }),
      expect.objectContaining({ team: 'T2', enterprise: 'E1', refreshedAt: null }),
    ]);
    const text = await readout(['slack', 'installations'], env);
    expect(text.stdout).toContain('workspace T2 (org E1)');
    for (const output of [listed, text]) {
      expect(output.stdout + output.stderr).not.toContain(BOT_TOKEN);
      expect(output.stdout + output.stderr).not.toContain(REFRESH_TOKEN);
    }

    // Without the old key listed, nothing can be re-sealed: each row is named, no token shown, exit 1.
    const lost = await readout(['slack', 'rotate-key'], { ...env, READOUT_TOKEN_KEY: newKey.toString('hex') });
    expect(lost.code).toBe(1);
    expect(lost.stderr).toContain(`Could not re-seal T:T1: sealed with key ${keyIdOf(oldKey)}`);
    expect(lost.stderr + lost.stdout).not.toContain(BOT_TOKEN);

    const rotated = await readout(['slack', 'rotate-key'], {
      ...env,
      READOUT_TOKEN_KEY: `${newKey.toString('base64')},${oldKey.toString('hex')}`,
    });
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toContain(`Re-sealed 2 installations with key ${keyIdOf(newKey)}; 0 already used it.`);
    expect((await store.listInstallations()).map((row) => row.keyId)).toEqual([keyIdOf(newKey), keyIdOf(newKey)]);
    // The new key alone now opens every installation; running again changes nothing.
    const fetched = await withKeys(newKey).fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
    expect(fetched.bot?.token).toBe(BOT_TOKEN);
    const again = await readout(['slack', 'rotate-key'], { ...env, READOUT_TOKEN_KEY: newKey.toString('hex') });
    expect(again.stdout).toContain('Re-sealed 0 installations');
    await store.close();
  });
});
