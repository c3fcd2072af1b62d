import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The Postgres server the Postgres suite runs against (a real one, never an imitation); unset = skipped. */
export const POSTGRES_TEST_URL = process.env['READOUT_TEST_DATABASE_URL'] || undefined;

export const POSTGRES_SKIP_NOTE =
  'Postgres store suite skipped: set READOUT_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test to run it (.ci/run does).';

/** A fresh schema name for one test, so parallel runs never see each other's rows. */
export function freshSchemaName(): string {
  return `readout_test_${process.pid}_${randomBytes(4).toString('hex')}`;
}

/** The test server's URL with `?schema=NAME`. */
export function urlWithSchema(schema: string, base = POSTGRES_TEST_URL!): string {
  const url = new URL(base);
  url.searchParams.set('schema', schema);
  return url.toString();
}

/** Drops a test schema and everything in it. */
export async function dropSchema(schema: string, base = POSTGRES_TEST_URL!): Promise<void> {
  const client = new pg.Client({ connectionString: base });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}

/** Runs one query on the test server outside any store (to look at what a store wrote). */
export async function queryTestServer<T extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: POSTGRES_TEST_URL! });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}
