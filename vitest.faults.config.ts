import { defineConfig } from 'vitest/config';

// The reliability-under-faults suite (`npm run test:faults`, docs/faults.md): real daemons as child
// processes, network namespaces, hostile backends, config fuzzing. Not part of `npm run test:unit`
// (vitest.config.ts excludes test/faults): it needs root for the black-hole test and a few minutes.
export default defineConfig({
  test: {
    name: 'faults',
    environment: 'node',
    include: ['test/faults/**/*.test.ts'],
    pool: 'forks',
    // One file at a time: the files measure memory and timing, and share a 2-core machine.
    fileParallelism: false,
    // gc() for the flat-memory checks of the hostile-backend test.
    execArgv: ['--expose-gc'],
    testTimeout: 120_000,
    hookTimeout: 60_000,
  },
});
