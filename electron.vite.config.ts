import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import { devRendererCsp } from './src/main/security/csp.ts';

// A fresh nonce per dev-server start: `npm run dev` runs under the renderer's CSP too (the packaged app gets
// it from the app:// protocol).
const devNonce = randomBytes(18).toString('base64');

export default defineConfig({
  main: {
    build: {
      externalizeDeps: true,
      rollupOptions: {
        input: {
          index: resolve('src/main/index.ts'),
          // The webhook receiver's writer thread (src/main/areas/receiver/worker-delivery-writer.ts loads it by name).
          'receiver-delivery-writer': resolve('src/main/areas/receiver/delivery-writer-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot require() packages: bundle everything (zod, the contract) into one file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve('src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve('src/renderer'),
    plugins: [react()],
    html: { cspNonce: devNonce },
    server: { headers: { 'Content-Security-Policy': devRendererCsp(devNonce) } },
    build: {
      rollupOptions: { input: { index: resolve('src/renderer/index.html') } },
    },
  },
});
