import { POSTGRES_SKIP_NOTE, POSTGRES_TEST_URL } from './store/postgres-test-database.js';

/** Says once per run, not once per file, that the Postgres suite is skipped and how to enable it. */
export default function setup(): void {
  if (!POSTGRES_TEST_URL) process.stdout.write(`${POSTGRES_SKIP_NOTE}\n`);
}
