import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'dom',
          include: ['tests/dom/**/*.test.tsx', 'tests/dom/**/*.test.ts'],
          environment: 'happy-dom',
        },
      },
      {
        test: {
          // Team mode against a real PostgreSQL server: one throwaway cluster for the suite (global-setup.ts),
          // one database per file; files run one at a time because the fault tests stop and start the server.
          name: 'team',
          include: ['tests/team/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          globalSetup: ['tests/team/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'keychain',
          include: ['tests/keychain/**/*.test.ts'],
          environment: 'node',
          pool: 'forks',
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
    ],
  },
});
