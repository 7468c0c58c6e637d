import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { request } from 'undici';
import { describe, expect, it } from 'vitest';
import { xVerifyOf } from '../../../src/main/areas/receiver/x-verify.ts';
import { events, openProfileDb, startTestReceiver, tempDir } from './receiver-fixture.ts';

const SECRET = 'crash-test-webhook-secret';
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.ts');

/** Lines the child prints, as they come. */
function linesOf(stream: NodeJS.ReadableStream) {
  const waiting: Array<(line: string) => void> = [];
  const ready: string[] = [];
  let rest = '';
  stream.on('data', (chunk: Buffer) => {
    const parts = (rest + chunk.toString('utf8')).split('\n');
    rest = parts.pop()!;
    for (const line of parts) (waiting.shift() ?? ((value: string) => ready.push(value)))(line);
  });
  return () => new Promise<string>((resolve) => (ready.length ? resolve(ready.shift()!) : waiting.push(resolve)));
}

describe('durable, then applied', () => {
  it.each([
    ['the writer thread', 'thread'],
    ["main's connection", 'main'],
  ])(
    'an event answered 200 (written on %s) whose processing was cut by kill -9 is applied once after restart',
    async (_, writer) => {
      const file = path.join(tempDir('receiver-crash-'), 'staging.db');
      openProfileDb(file).close();
      const process = spawn(globalThis.process.execPath, [child, file, SECRET, writer], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const next = linesOf(process.stdout);
      const url = await next();
      const body = Buffer.from('{"id":"01JORDER","status":"SUCCESS"}');
      const response = await request(url, { method: 'POST', body, headers: { 'x-verify': xVerifyOf(SECRET, body) } });
      expect(response.statusCode).toBe(200);
      await response.body.dump();
      expect(await next()).toBe('applying');
      const exited = new Promise((resolve) => process.once('exit', resolve));
      process.kill('SIGKILL');
      await exited;

      const db = openProfileDb(file);
      expect(events(db)).toEqual([expect.objectContaining({ state: 'pending', type: 'order-terminal-state' })]);
      for (let restart = 0; restart < 2; restart += 1) {
        const receiver = await startTestReceiver({ db, profileId: 'staging', secret: SECRET });
        await receiver.runtime.drain();
        await receiver.close();
        expect(receiver.applied.length).toBe(restart === 0 ? 1 : 0);
      }
      expect(events(db)).toEqual([expect.objectContaining({ state: 'applied', attempts: 1 })]);
      db.close();
    },
  );
});
