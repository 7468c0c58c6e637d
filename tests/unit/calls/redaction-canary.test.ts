import fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallsService } from '../../../src/main/areas/calls/calls-service.ts';
import type { CallRecord } from '../../../src/main/hubble/call-recorder.ts';
import { scopesFixture } from '../../fixtures/scopes.ts';
import { useTempDir } from '../../fixtures/temp-dir.ts';
import { STAGING, useSimulator } from '../hubble/simulator-fixture.ts';

const sim = useSimulator();
const tempDir = useTempDir();
let cleanup: (() => Promise<void>) | undefined;
afterEach(async () => cleanup?.());

const PHONE = '9812345678';
const EMAIL = 'canary.person@example.com';

describe('redaction canary', () => {
  it('never lets a card number, PIN, token, client secret, webhook secret, full phone or e-mail reach the database file, logs or exports', async () => {
    const output: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation((...args) => void output.push(args.map(String).join(' '))),
    );
    const errors: unknown[] = [];
    const fixture = scopesFixture(tempDir(), {
      secretValues: async () => [STAGING.webhookSecret],
      onError: (where, error) => errors.push([where, error]),
    });
    const calls = new CallsService({ logOf: (profileId) => fixture.scopes.get(profileId) });
    cleanup = async () => {
      await fixture.close();
      spies.forEach((spy) => spy.mockRestore());
    };
    const raw: CallRecord[] = [];
    const log = calls.recorder('simulator');
    const client = sim.client({ recorder: { record: (call) => (raw.push(call), log.record(call)) } });

    const fx = await sim.control.fixtures();
    for (let i = 0; i < 3; i += 1) {
      await sim.control.nextOutcome({ outcome: 'SUCCESS' });
      const placed = await client.placeOrder({
        productId: fx.fixed,
        referenceId: `canary-${i}-${Date.now()}`,
        amount: 1000,
        denominationDetails: [{ denomination: 500, quantity: 2 }],
        customerDetails: { name: `pasted by mistake: ${STAGING.webhookSecret}`, phoneNumber: PHONE, email: EMAIL },
      });
      expect(placed.outcome).toBe('ok');
      if (placed.outcome !== 'ok') continue;
      await client.getOrder(placed.value.id);
      await client.getVoucher(placed.value.vouchers[0]!.id);
    }
    await sim.control.addFault({ path: '/v1/partners/orders/', method: 'GET', kind: 'invalid-json' });
    await client.getOrderByReference('canary-0');

    const tokens = raw.flatMap((call) =>
      (call.responseJson as { token?: string } | undefined)?.token
        ? [(call.responseJson as { token: string }).token]
        : [],
    );
    const cards = raw
      .flatMap(
        (call) =>
          JSON.stringify(call.responseJson ?? call.responseText ?? '').match(/"card(?:Number|Pin)":"([^"]+)"/g) ?? [],
      )
      .map((pair) => pair.split('":"')[1]!.replace(/"$/, ''));
    const canaries = [...new Set([...tokens, ...cards, STAGING.clientSecret, STAGING.webhookSecret, PHONE, EMAIL])];
    expect(tokens.length).toBeGreaterThan(0);
    expect(cards.length).toBeGreaterThanOrEqual(12);
    // Positive control: the canaries really travelled through the recorder unredacted.
    const rawText = JSON.stringify(raw);
    for (const canary of canaries) expect(rawText).toContain(canary);

    calls.flush('simulator');
    const file = fixture.databases.fileOf('simulator');
    const rows = calls.search('simulator', { limit: 500 });
    expect(rows.total).toBe(raw.length);
    const exports = [
      calls.exportCsv('simulator', {}, { by: 'at', direction: 'desc' }).csv,
      ...rows.rows.map((row) => JSON.stringify(calls.get('simulator', row.id))),
      ...rows.rows.map((row) => JSON.stringify(calls.bundle('simulator', { callId: row.id }))),
      ...[...new Set(rows.rows.map((row) => row.orderId).filter(Boolean))].map((orderId) =>
        JSON.stringify(calls.bundle('simulator', { orderId: orderId! })),
      ),
    ].join('\n');
    const bytes = Buffer.concat([
      fs.readFileSync(file),
      fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0),
    ]);
    expect(bytes.includes(Buffer.from('canary-0'))).toBe(true);
    for (const canary of canaries) {
      expect(bytes.includes(Buffer.from(canary)), `database bytes hold ${canary.slice(0, 6)}…`).toBe(false);
      expect(exports.includes(canary), `exports hold ${canary.slice(0, 6)}…`).toBe(false);
      expect(output.join('\n').includes(canary), `logs hold ${canary.slice(0, 6)}…`).toBe(false);
    }
    expect(exports).toContain('98******78');
    expect(exports).toContain('c***@example.com');
    expect(errors).toEqual([]);
  });
});
