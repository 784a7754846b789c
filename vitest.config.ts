import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    globalSetup: ['tests/global-setup.ts'],
    hookTimeout: 120_000,
  },
});
