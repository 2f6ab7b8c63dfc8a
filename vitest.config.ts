import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Two projects: Node (core, main with electron mocked, daemon, web host) and the renderer in jsdom.
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'node',
          environment: 'node',
          include: ['src/{core,shared,main,preload,daemon,web}/**/*.test.ts', 'test/**/*.test.ts'],
          // The fault suite runs alone (npm run test:faults, vitest.faults.config.ts).
          exclude: ['test/faults/**', '**/node_modules/**'],
          setupFiles: ['test/setup/electron-mock.ts'],
          testTimeout: 20_000,
          hookTimeout: 20_000,
          pool: 'forks',
        },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['src/renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['src/renderer/src/test/setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
