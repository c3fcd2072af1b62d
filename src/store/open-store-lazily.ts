import type { Store } from '../core/store/store-types.js';
import { openStore } from './open-store.js';

/**
 * A store that opens (and creates, and migrates) its database only when a method is first called: a one-shot
 * `readout lookup` never touches it, so it neither fails when Postgres is down nor creates `./data/readout.db`.
 */
export function openStoreLazily(databaseUrl: string, options: Parameters<typeof openStore>[1] = {}): Store {
  let opened: Promise<Store> | undefined;
  const real = () => {
    opened ??= openStore(databaseUrl, options);
    return opened;
  };
  return new Proxy({} as Store, {
    get(_target, name) {
      // Not a thenable, and no symbols: only the store's own methods are forwarded.
      if (typeof name !== 'string' || name === 'then') return undefined;
      if (name === 'close') {
        return async () => {
          // A store that never opened (or failed to) has nothing to close.
          const store = await opened?.catch(() => undefined);
          await store?.close();
        };
      }
      return async (...args: unknown[]) => {
        const store = await real();
        const method = store[name as keyof Store] as unknown;
        if (typeof method !== 'function') throw new TypeError(`The store has no method ${name}`);
        return (method as (...values: unknown[]) => unknown).apply(store, args);
      };
    },
  });
}
