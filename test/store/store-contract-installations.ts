import { describe, expect, it } from 'vitest';
import type { InstallationInput, InstallationRecord } from '../../src/core/store/installation-types.js';
import type { Store } from '../../src/core/store/store-types.js';
import type { StoreUnderTest } from './store-contract.js';

type WithStore = (fn: (store: Store, db: StoreUnderTest) => Promise<void>) => () => Promise<void>;

const workspace: InstallationInput = {
  key: 'T:T1',
  enterpriseId: null,
  teamId: 'T1',
  isEnterpriseInstall: false,
  botUserId: 'U0BOT',
  scopes: ['commands', 'chat:write'],
  sealed: 'sealed-v1',
  keyId: 'k1',
  tokenExpiresAt: '2026-04-24T12:00:00.000Z',
};
const org: InstallationInput = {
  ...workspace,
  key: 'E:E1',
  enterpriseId: 'E1',
  teamId: null,
  isEnterpriseInstall: true,
  tokenExpiresAt: null,
};

/** The contract for Slack installations: saved, listed, replaced on reinstall, deleted, and updated one holder at a time. */
export function storeContractForInstallations(name: string, withStore: WithStore): void {
  describe(`${name}: installations`, () => {
    it(
      'saves, lists by key, replaces on reinstall and deletes',
      withStore(async (store, db) => {
        expect(await store.getInstallation('T:T1')).toBeUndefined();
        const saved = await store.saveInstallation(workspace);
        expect(saved).toMatchObject({ ...workspace, refreshedAt: null });
        await store.saveInstallation(org);
        expect((await store.listInstallations()).map((i) => i.key)).toEqual(['E:E1', 'T:T1']);
        expect(await store.getInstallation('E:E1')).toMatchObject({ isEnterpriseInstall: true, enterpriseId: 'E1', teamId: null });
        await store.updateInstallationLocked('T:T1', async () => ({
          sealed: 'sealed-v2',
          keyId: 'k1',
          tokenExpiresAt: null,
          refreshed: true,
        }));
        expect((await store.getInstallation('T:T1'))?.refreshedAt).not.toBeNull();
        await db.elapse(db.leaseMs / 10);
        const again = await store.saveInstallation({ ...workspace, scopes: ['commands'] });
        expect(again).toMatchObject({ scopes: ['commands'], sealed: 'sealed-v1', refreshedAt: null });
        expect(Date.parse(again.installedAt)).toBeGreaterThan(Date.parse(saved.installedAt));
        expect(await store.deleteInstallation('T:T1')).toBe(true);
        expect(await store.deleteInstallation('T:T1')).toBe(false);
        expect((await store.listInstallations()).map((i) => i.key)).toEqual(['E:E1']);
      }),
    );

    it(
      'writes a key rotation without counting it as a refresh, and reports a missing installation as undefined',
      withStore(async (store) => {
        await store.saveInstallation(workspace);
        const rotated = await store.updateInstallationLocked('T:T1', async (current) => ({
          sealed: `${current.sealed}+k2`,
          keyId: 'k2',
          tokenExpiresAt: current.tokenExpiresAt,
          refreshed: false,
        }));
        expect(rotated).toMatchObject({ sealed: 'sealed-v1+k2', keyId: 'k2', refreshedAt: null, tokenExpiresAt: workspace.tokenExpiresAt });
        let called = false;
        expect(
          await store.updateInstallationLocked('T:nope', async () => {
            called = true;
            return undefined;
          }),
        ).toBeUndefined();
        expect(called).toBe(false);
      }),
    );

    it(
      'lets one of two connections update at a time: the second sees what the first wrote',
      withStore(async (first, db) => {
        const second = await db.connect();
        await first.saveInstallation(workspace);
        const refreshes: string[] = [];
        let secondEntered: () => void = () => {};
        const secondIn = new Promise<void>((resolve) => {
          secondEntered = resolve;
        });
        // Stands for a token refresh: only a caller that still sees the old token spends the refresh token.
        const refresh = (who: string) => async (current: InstallationRecord) => {
          if (who === 'second') secondEntered();
          if (current.sealed !== 'sealed-v1') return undefined;
          refreshes.push(who);
          // Hold the row while the other caller tries for it; without a lock it enters and refreshes too.
          if (who === 'first') await Promise.race([secondIn, new Promise((resolve) => setTimeout(resolve, 300))]);
          return { sealed: `refreshed-by-${who}`, keyId: 'k1', tokenExpiresAt: null, refreshed: true };
        };
        let firstIn: () => void = () => {};
        const firstStarted = new Promise<void>((resolve) => {
          firstIn = resolve;
        });
        const a = first.updateInstallationLocked('T:T1', async (current) => {
          firstIn();
          return refresh('first')(current);
        });
        await firstStarted;
        const b = second.updateInstallationLocked('T:T1', refresh('second'));
        const [afterA, afterB] = await Promise.all([a, b]);
        expect(refreshes).toEqual(['first']);
        expect(afterA?.sealed).toBe('refreshed-by-first');
        expect(afterB?.sealed).toBe('refreshed-by-first');
        await second.close();
      }),
    );
  });
}
