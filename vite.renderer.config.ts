import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer for the browser harness (`npm run dev:browser`, e2e): the same app plus the loopback
// bridge preload. The Electron build (electron.vite.config.ts) never includes harness-preload.
export default defineConfig({
  root: resolve('src/renderer'),
  base: '/',
  plugins: [react()],
  build: {
    outDir: resolve('out/renderer-browser'),
    emptyOutDir: true,
    rollupOptions: {
      input: {
        index: resolve('src/renderer/index.html'),
        'harness-preload': resolve('src/preload/harness-bridge.ts'),
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === 'harness-preload' ? 'harness-preload.js' : 'assets/[name]-[hash].js',
      },
    },
  },
});
