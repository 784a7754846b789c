import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    globalSetup: ['tests/global-setup.ts'],
    hookTimeout: 120_000,
    // Pages arrive in lazily loaded chunks and CI machines are busy: expect.poll's default
    // one second gave up on elements that appeared a moment later. A longer limit only
    // changes how long a real failure takes to report.
    expect: { poll: { timeout: 15_000 } },
  },
});
