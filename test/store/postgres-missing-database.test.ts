import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/user-error.js';
import { openStore } from '../../src/store/index.js';
import { POSTGRES_TEST_URL } from './postgres-test-database.js';

describe.skipIf(!POSTGRES_TEST_URL)('a Postgres URL naming a database that does not exist', () => {
  it('says to create it, not to check the user’s rights', async () => {
    const url = new URL(POSTGRES_TEST_URL!);
    url.pathname = '/readout_no_such_database_22';
    const error = await openStore(url.toString()).then(
      () => undefined,
      (failure: unknown) => failure,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('store_missing_database');
    expect((error as UserError).message).toContain('has no database "readout_no_such_database_22"');
    expect((error as UserError).message).toContain('createdb readout_no_such_database_22');
    expect((error as UserError).message).not.toMatch(/rights/);
  });
});
