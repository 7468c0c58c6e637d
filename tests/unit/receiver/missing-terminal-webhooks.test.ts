import path from 'node:path';
import type Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { useSimulator } from '../hubble/simulator-fixture.ts';
import { useOrdersConsole } from '../orders/console-fixture.ts';
import { openProfileDb, startTestReceiver, tempDir } from './receiver-fixture.ts';

const MINUTE = 60_000;

interface HistoryStep {
  status: string;
  ago: number;
  source: string;
}

function insertOrder(db: Database.Database, orderId: string, steps: HistoryStep[]): void {
  const now = Date.now();
  const last = steps.at(-1)!;
  const ref = db
    .prepare(
      `INSERT INTO orders (reference_id, order_id, status, source, intent_state, created_at, updated_at)
       VALUES (?, ?, ?, 'console', 'resolved', ?, ?)`,
    )
    .run(`ref-${orderId}`, orderId, last.status, now - steps[0]!.ago, now - last.ago).lastInsertRowid;
  for (const step of steps)
    db.prepare('INSERT INTO order_status_history (order_ref, status, at, source) VALUES (?, ?, ?, ?)').run(
      ref,
      step.status,
      now - step.ago,
      step.source,
    );
}

function insertTerminalWebhook(db: Database.Database, orderId: string, status: string): void {
  const body = Buffer.from(JSON.stringify({ id: orderId, status }));
  db.prepare(
    `INSERT INTO webhook_events (received_at, source_ip, verdict, body, body_bytes, headers_json, type, dedupe_key, state)
     VALUES (?, '127.0.0.1', 'valid', ?, ?, '{}', 'order-terminal-state', ?, 'applied')`,
  ).run(Date.now() - 40 * MINUTE, body, body.length, `order:${orderId}:${status}`);
}

const polledSuccess = (ago: number): HistoryStep[] => [
  { status: 'PROCESSING', ago: ago + 5 * MINUTE, source: 'place' },
  { status: 'SUCCESS', ago, source: 'poll' },
];

interface Report {
  orders: Array<{ orderId: string; referenceId: string | null; status: string; settledAt: number; source: string }>;
  listeningSince: number | null;
  graceMs: number;
}

describe('receiver.missingTerminalWebhooks', () => {
  const sim = useSimulator();
  const openConsole = useOrdersConsole(sim);

  it('lists an order polling saw settle without its webhook, and not one whose webhook arrived', async () => {
    const { call, db } = await openConsole();
    const listeningSince = Date.now() - 2 * 60 * MINUTE;
    db.prepare("INSERT INTO receiver_settings (key, value) VALUES ('listening_since', ?)").run(String(listeningSince));

    insertOrder(db, 'ORD-POLLED', polledSuccess(50 * MINUTE));
    insertOrder(db, 'ORD-LOOKED-UP', [{ status: 'FAILED', ago: 30 * MINUTE, source: 'lookup' }]);
    insertOrder(db, 'ORD-HEARD', polledSuccess(50 * MINUTE));
    insertTerminalWebhook(db, 'ORD-HEARD', 'SUCCESS');
    insertOrder(db, 'ORD-BY-WEBHOOK', [
      { status: 'PROCESSING', ago: 60 * MINUTE, source: 'place' },
      { status: 'SUCCESS', ago: 45 * MINUTE, source: 'webhook' },
    ]);
    // its webhook may still be on its way
    insertOrder(db, 'ORD-JUST-NOW', polledSuccess(MINUTE));
    // settled before the receiver ever listened: no webhook could have been received
    insertOrder(db, 'ORD-BEFORE', polledSuccess(3 * 60 * MINUTE));
    insertOrder(db, 'ORD-STILL', [{ status: 'PROCESSING', ago: 50 * MINUTE, source: 'poll' }]);

    const report = await call<Report>('receiver.missingTerminalWebhooks', {});
    expect(report.listeningSince).toBe(listeningSince);
    expect(report.graceMs).toBe(10 * MINUTE);
    expect(report.orders.map((order) => order.orderId)).toEqual(['ORD-LOOKED-UP', 'ORD-POLLED']);
    expect(report.orders[1]).toMatchObject({
      referenceId: 'ref-ORD-POLLED',
      status: 'SUCCESS',
      source: 'poll',
    });
    expect(report.orders[0]).toMatchObject({ status: 'FAILED', source: 'lookup' });

    const limited = await call<Report>('receiver.missingTerminalWebhooks', { limit: 1 });
    expect(limited.orders.map((order) => order.orderId)).toEqual(['ORD-LOOKED-UP']);
    const olderThan40Minutes = await call<Report>('receiver.missingTerminalWebhooks', {
      to: Date.now() - 40 * MINUTE,
    });
    expect(olderThan40Minutes.orders.map((order) => order.orderId)).toEqual(['ORD-POLLED']);

    await expect(call('receiver.missingTerminalWebhooks', { limit: 1, extra: true })).rejects.toMatchObject({
      kind: 'VALIDATION',
    });
  });

  it('flags nothing while the receiver has never listened', async () => {
    const { call, db } = await openConsole();
    insertOrder(db, 'ORD-POLLED', polledSuccess(50 * MINUTE));
    const report = await call<Report>('receiver.missingTerminalWebhooks', {});
    expect(report).toMatchObject({ orders: [], listeningSince: null });
  });

  it('records the first time the receiver listens, and keeps it', async () => {
    const db = openProfileDb(path.join(tempDir('receiver-listening-'), 'profile.db'));
    const since = () =>
      db.prepare("SELECT value FROM receiver_settings WHERE key = 'listening_since'").pluck().get() as string;
    const first = await startTestReceiver({ db, profileId: 'p1', secret: 's' });
    await first.close();
    const recorded = since();
    expect(Number(recorded)).toBeGreaterThan(0);
    const second = await startTestReceiver({ db, profileId: 'p1', secret: 's' });
    await second.close();
    expect(since()).toBe(recorded);
    db.close();
  });
});
