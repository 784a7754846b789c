import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    // Both cores: Vitest's default leaves one free, which on a 2-core machine runs every
    // file one after another (14 minutes here; 11 with both); the tests wait on events, not on time.
    maxWorkers: 2,
    // Each worker keeps the modules it has loaded from one file to the next instead of
    // loading the server, Yjs and the rest again for every file: that loading was a
    // sixth of the suite's time. Tests share no state through modules (each starts its
    // own server, data directory and schema), so what a file asserts is unchanged.
    isolate: false,
    globalSetup: ['tests/global-setup.ts'],
    hookTimeout: 120_000,
    // Pages arrive in lazily loaded chunks and CI machines are busy: expect.poll's default
    // one second gave up on elements that appeared a moment later. A longer limit only
    // changes how long a real failure takes to report.
    expect: { poll: { timeout: 15_000 } },
  },
});
