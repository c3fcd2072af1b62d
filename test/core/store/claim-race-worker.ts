// Run as a separate process by claim-race.test.ts: claims the same slots as its twin and prints the ones it won.
import { openStore } from '../../../src/core/store/open-store.js';

const [file, owner, countText] = process.argv.slice(2);
const store = openStore(`sqlite:${file}`);
const won: string[] = [];
const at = new Date('2026-04-24T04:00:00Z');
for (let i = 0; i < Number(countText); i++) {
  const ref = { platform: 'slack' as const, workspace: 'T1', channel: `C${i}` };
  const claim = store.claimSlot(ref, '2026-04-24', owner ?? 'worker', 5 * 60_000, at);
  if (claim) {
    won.push(claim.key);
    store.finishSlot(claim.key, owner ?? 'worker', { state: 'posted', messageId: `${owner}-${i}` }, at);
  }
}
store.close();
process.stdout.write(JSON.stringify(won));
