import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import { createConsoleCore, type ConsoleCore } from '../../../src/main/app/console-core.ts';
import { createMemoryVault } from '../../../src/main/kernel/vault/memory-vault.ts';
import { DEMO_CLIENTS } from './kit.ts';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function login(base: string) {
  const response = await fetch(`${base}/v1/partners/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: DEMO_CLIENTS.staging.clientId, clientSecret: DEMO_CLIENTS.staging.clientSecret }),
  });
  return { status: response.status, body: (await response.json()) as { token?: string; expiresInSecs?: number } };
}

describe('the simulator command', () => {
  it('`npm run simulator` prints its address and the demo credentials, honours its flags and stops on SIGINT', async () => {
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'src/main/simulator/cli.ts'),
        '--port',
        '0',
        '--seed',
        '3',
        '--scenario',
        'busy',
        '--token-ttl',
        '60',
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    cleanups.push(() => {
      if (child.exitCode === null) child.kill('SIGKILL');
    });
    let output = '';
    child.stdout.setEncoding('utf8');
    const ready = new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: string) => {
        output += chunk;
        if (output.includes('Ctrl+C')) resolve(output);
      });
      child.once('exit', () => reject(new Error(`simulator exited early: ${output}`)));
    });
    const printed = await ready;
    const base = /^Hubble simulator listening on (http:\/\/127\.0\.0\.1:\d+)$/m.exec(printed)?.[1];
    expect(base).toBeDefined();
    for (const client of Object.values(DEMO_CLIENTS))
      expect(printed).toContain(`${client.clientId} / ${client.clientSecret}`);
    const answer = await login(base!);
    expect(answer.status).toBe(200);
    expect(answer.body.expiresInSecs).toBe(60);
    child.kill('SIGINT');
    const [code] = await once(child, 'exit');
    expect(code).toBe(0);
  });

  it('rejects an unknown scenario with exit code 2', async () => {
    const child = spawn(process.execPath, [path.join(repoRoot, 'src/main/simulator/cli.ts'), '--scenario', 'chaos'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(errors).toMatch(/--scenario must be one of calm, busy, degraded, rate-limited, low-wallet/);
  });
});

describe('the built-in Simulator profile', () => {
  it('the console core starts the simulator on a loopback port, points the Simulator profile at it, and stops it on stop()', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sim-core-'));
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    const core: ConsoleCore = createConsoleCore({
      dataDir,
      shell: 'browser-harness',
      version: '0.0.0-test',
      vault: createMemoryVault(),
    });
    expect(core.kernel.simulator.running()).toBeNull();
    await core.start();
    const running = core.kernel.simulator.running();
    expect(running?.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const simulatorProfile = core.kernel.profileList().profiles.find((profile) => profile.environment === 'simulator');
    expect(simulatorProfile?.baseUrl).toBe(running!.baseUrl);
    expect((await login(running!.baseUrl)).status).toBe(200);
    await core.stop();
    expect(core.kernel.simulator.running()).toBeNull();
    await expect(fetch(`${running!.baseUrl}/__sim/health`)).rejects.toThrow();
  });
});
