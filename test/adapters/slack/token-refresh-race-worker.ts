// Run as a separate process by token-refresh-race.test.ts: opens the store, waits at the barrier (a file the
// test creates once both workers are ready), fetches the installation as Bolt would on a request, and prints
// a hash of the bot token it got (never the token).
import { createHash } from 'node:crypto';
import { existsSync, writeFileSync } from 'node:fs';
import { createSlackInstallationStore } from '../../../src/adapters/slack/slack-installation-store.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createTokenSealer, parseTokenKey } from '../../../src/core/secrets/token-sealer.js';
import { openStore } from '../../../src/store/open-store.js';
import { FAKE_CLIENT_ID, FAKE_CLIENT_SECRET } from '../../fakes/fake-slack-oauth.js';

const [databaseUrl, apiUrl, key, barrier, name] = process.argv.slice(2) as [string, string, string, string, string];
const store = await openStore(databaseUrl);
const installations = createSlackInstallationStore({
  store,
  sealer: createTokenSealer([parseTokenKey(key)!]),
  clientId: FAKE_CLIENT_ID,
  clientSecret: FAKE_CLIENT_SECRET,
  apiUrl,
  logger: silentLogger,
});
writeFileSync(`${barrier}.${name}.ready`, '');
while (!existsSync(barrier)) await new Promise((resolve) => setTimeout(resolve, 2));
const installation = await installations.fetchInstallation({ teamId: 'T1', enterpriseId: undefined, isEnterpriseInstall: false });
await store.close();
process.stdout.write(
  createHash('sha256')
    .update(installation.bot?.token ?? '')
    .digest('hex'),
);
