import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createTokenSealer, parseTokenKey } from '../core/secrets/token-sealer.js';
import type { InstallationRecord } from '../core/store/installation-types.js';
import { UserError } from '../core/user-error.js';
import { openStore } from '../store/open-store.js';
import { printJson } from './print-json.js';
import { rotateTokenKey } from './rotate-token-key.js';
import { slackCliMessages } from './slack-cli-messages.js';

/** `readout slack installations [--json]` and `readout slack rotate-key`. */
export async function runSlackCli(argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (action === 'installations') return listInstallations(rest);
  if (action === 'rotate-key') return rotateKey(rest);
  throw new UserError('bad_arguments', slackCliMessages.usage);
}

async function listInstallations(argv: string[]): Promise<number> {
  let json = false;
  try {
    json = Boolean(parseArgs({ args: argv, options: { json: { type: 'boolean' } }, strict: true }).values.json);
  } catch (error) {
    throw new UserError('bad_arguments', `${slackCliMessages.usage} (${error instanceof Error ? error.message : error})`);
  }
  const store = await openStore(loadConfig().DATABASE_URL);
  let rows: InstallationRecord[];
  try {
    rows = await store.listInstallations();
  } finally {
    await store.close();
  }
  // Never the sealed value: it holds the tokens.
  const listed = rows.map((row) => ({
    team: row.teamId,
    enterprise: row.enterpriseId,
    orgWide: row.isEnterpriseInstall,
    botUser: row.botUserId,
    scopes: row.scopes,
    installedAt: row.installedAt,
    refreshedAt: row.refreshedAt,
    tokenExpiresAt: row.tokenExpiresAt,
    keyId: row.keyId,
  }));
  if (json) {
    printJson(listed);
    return 0;
  }
  if (listed.length === 0) {
    process.stdout.write(`${slackCliMessages.noInstallations}\n`);
    return 0;
  }
  const lines = listed.map((i) =>
    [
      i.orgWide ? `org ${i.enterprise}` : `workspace ${i.team}${i.enterprise ? ` (org ${i.enterprise})` : ''}`,
      `bot ${i.botUser ?? '-'}`,
      `installed ${i.installedAt}`,
      `refreshed ${i.refreshedAt ?? 'never'}`,
      `key ${i.keyId}`,
      `scopes ${i.scopes.join(',') || '-'}`,
    ].join('  '),
  );
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

async function rotateKey(argv: string[]): Promise<number> {
  if (argv.length > 0) throw new UserError('bad_arguments', slackCliMessages.usage);
  const config = loadConfig();
  if (config.READOUT_TOKEN_KEY.length === 0) throw new UserError('no_token_key', slackCliMessages.noTokenKey);
  const sealer = createTokenSealer(config.READOUT_TOKEN_KEY.map((key) => parseTokenKey(key)!));
  const store = await openStore(config.DATABASE_URL);
  try {
    const result = await rotateTokenKey(store, sealer);
    process.stdout.write(`${slackCliMessages.rotated(result.resealed, result.alreadyCurrent, sealer.currentKeyId)}\n`);
    for (const failure of result.failed) process.stderr.write(`${slackCliMessages.rotateFailed(failure.key, failure.reason)}\n`);
    return result.failed.length > 0 ? 1 : 0;
  } finally {
    await store.close();
  }
}
