import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // The CLI and the batch workers run the compiled code in dist/: build it once before the tests.
    globalSetup: ['./test/global-setup.ts'],
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
