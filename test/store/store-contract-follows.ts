import { describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/store/store-types.js';
import type { StoreUnderTest } from './store-contract.js';

type WithStore = (fn: (store: Store, db: StoreUnderTest) => Promise<void>) => () => Promise<void>;

const c1 = { platform: 'slack', workspace: 'T1', channel: 'C1' } as const;
const c2 = { platform: 'slack', workspace: 'T1', channel: 'C2' } as const;
const d1 = { platform: 'discord', workspace: 'G1', channel: 'D1' } as const;

/** Follows: one per channel, replaced by a new follow, listed in channel order, narrowed by platform and workspace. */
export function storeContractForFollows(name: string, withStore: WithStore): void {
  describe(`${name}: follows`, () => {
    it(
      'keeps one follow per channel, replaced by the next, and removes it',
      withStore(async (store, db) => {
        expect(await store.getFollow(c1)).toBeUndefined();
        const first = await store.upsertFollow({ ...c1, filter: 'person:ruto', createdBy: 'U1' });
        expect(first.created).toBe(true);
        expect(first.follow).toMatchObject({ ...c1, filter: 'person:ruto', createdBy: 'U1' });
        expect(Number.isNaN(Date.parse(first.follow.createdAt))).toBe(false);
        await db.elapse(10);
        const second = await store.upsertFollow({ ...c1, filter: 'country:kazakhstan trade', createdBy: 'U2' });
        expect(second.created).toBe(false);
        expect(await store.getFollow(c1)).toEqual(second.follow);
        expect(second.follow.filter).toBe('country:kazakhstan trade');
        expect(await store.listFollows()).toHaveLength(1);
        expect(await store.removeFollow(c1)).toBe(true);
        expect(await store.removeFollow(c1)).toBe(false);
        expect(await store.getFollow(c1)).toBeUndefined();
      }),
    );
    it(
      'lists follows in channel order, narrowed to a platform or a workspace',
      withStore(async (store) => {
        await store.upsertFollow({ ...c2, filter: '', createdBy: 'U1' });
        await store.upsertFollow({ ...d1, filter: 'xi', createdBy: 'U3' });
        await store.upsertFollow({ ...c1, filter: 'person:ruto', createdBy: 'U1' });
        const key = (f: { platform: string; workspace: string; channel: string }) => `${f.platform}:${f.workspace}:${f.channel}`;
        expect((await store.listFollows()).map(key)).toEqual(['discord:G1:D1', 'slack:T1:C1', 'slack:T1:C2']);
        expect((await store.listFollows({ platform: 'slack' })).map(key)).toEqual(['slack:T1:C1', 'slack:T1:C2']);
        expect((await store.listFollows({ platform: 'slack', workspace: 'T9' })).map(key)).toEqual([]);
        expect((await store.listFollows({ platform: 'discord', workspace: 'G1' })).map((f) => f.filter)).toEqual(['xi']);
      }),
    );
  });
}
