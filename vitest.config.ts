import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // End-to-end tests run the built CLI in child processes and a real terminal.
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
