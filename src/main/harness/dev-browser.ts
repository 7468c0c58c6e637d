import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { createConsoleCore } from '../app/console-core.ts';
import { startBridgeServer } from './bridge-server.ts';

// `npm run dev:browser`: the real main-process services in plain Node, the renderer in any browser.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'data-dir': { type: 'string', default: path.join(os.homedir(), '.hubble-ops-console-browser') },
    token: { type: 'string' },
  },
});

const core = createConsoleCore({
  dataDir: path.resolve(values['data-dir']),
  shell: 'browser-harness',
  version: process.env['npm_package_version'] ?? '0.0.0',
  onUnexpectedError: (where, error) =>
    console.error(`[harness] ${where}:`, error instanceof Error ? error.message : 'error'),
});
await core.start();
const server = await startBridgeServer({
  core,
  staticDir: path.join(root, 'out/renderer-browser'),
  port: Number(values.port),
  token: values.token,
});
console.log(`Hubble Ops Console (browser harness) ready at ${server.url}`);

const shutdown = async () => {
  await server.close();
  await core.stop();
  process.exit(0);
};
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
