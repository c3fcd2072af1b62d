import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    globalSetup: [
      // Builds dist/ (incremental) for the tests that start the real process through bin/readout.js.
      'test/build-global-setup.ts',
      // Prints the one line that says the Postgres suite is skipped (READOUT_TEST_DATABASE_URL unset).
      'test/postgres-global-setup.ts',
    ],
  },
});
