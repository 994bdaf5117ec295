import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/temp-root.global.ts', 'test/prepare-word-vectors.global.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
