import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // tests that spawn bin/oaskit.js run the compiled toolkit: rebuild it when sources changed
    globalSetup: ['./test/support/build.ts'],
    reporters: ['default', './scripts/lib/summary-reporter.ts'],
    // type-level tests (*.test-d.ts) are checked by tsc as part of `npm test`
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // 2-core machines: real processes (Prism, Chromium, the language server) need room
    maxWorkers: 2,
  },
});
