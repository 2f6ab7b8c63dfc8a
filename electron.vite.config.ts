import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      // npm packages stay external in main and the utility process (they are installed beside out/).
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The site host runs in a utilityProcess (src/main/index.ts forks out/main/utility.js).
          utility: resolve(__dirname, 'src/main/utility/index.ts'),
          // Probes inside a network namespace (core/prober/netns-registry.ts finds it beside the bundle).
          'netns-worker': resolve(__dirname, 'src/core/prober/netns-worker.ts'),
          // The site host parses and edits configs on this worker thread (core/sites/config-thread.ts).
          'config-thread-worker': resolve(__dirname, 'src/core/sites/config-thread-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only `electron` and a few built-ins: bundle zod and the contract.
      externalizeDeps: false,
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
