import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Prints the one line that says the Postgres suite is skipped (READOUT_TEST_DATABASE_URL unset).
    globalSetup: ['test/postgres-global-setup.ts'],
  },
});
