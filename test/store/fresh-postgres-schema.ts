import { onTestFinished } from 'vitest';
import type { Store } from '../../src/core/store/store-types.js';
import { openStore } from '../../src/store/index.js';
import { dropSchema, freshSchemaName, urlWithSchema } from './postgres-test-database.js';

/** A fresh schema on the Postgres test server for the running test; when the test finishes, every store opened on it is closed and the schema dropped. */
export function freshPostgresSchema(): { schema: string; open(): Promise<Store> } {
  const schema = freshSchemaName();
  const stores: Store[] = [];
  onTestFinished(async () => {
    for (const store of stores) await store.close();
    await dropSchema(schema);
  });
  return {
    schema,
    /** A store on the schema with its own pool, as one replica has. */
    async open() {
      const store = await openStore(urlWithSchema(schema));
      stores.push(store);
      return store;
    },
  };
}

/** Two stores on one fresh schema, each with its own pool as two replicas have; both closed and the schema dropped when the test finishes. */
export async function openTwoReplicas(): Promise<[Store, Store]> {
  const schema = freshPostgresSchema();
  return [await schema.open(), await schema.open()];
}
