import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { simulatorControl } from '../../src/main/simulator/control-client.ts';
import { startSimulator, type RunningSimulator } from '../../src/main/simulator/index.ts';
import type { IdentifierResolution } from '../../src/shared/contract/calls.ts';
import type { Dashboard } from '../../src/shared/contract/metrics.ts';
import type { OrderDetail } from '../../src/shared/contract/orders.ts';
import type { ReceiverStatus } from '../../src/shared/contract/receiver.ts';
import type { TeamStatus } from '../../src/shared/contract/team.ts';
import { DEMO_CLIENTS } from '../../src/main/simulator/index.ts';
import { settingsFor } from '../unit/profiles/profiles-fixture.ts';
import net from 'node:net';
import { eventually, freshDatabase, linkSettings, openTeamConsole, type TeamConsole } from './team-fixture.ts';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

let sim: RunningSimulator;
let database: { name: string; admin: pg.Client };
let priya: TeamConsole;
let arjun: TeamConsole;

beforeAll(async () => {
  sim = await startSimulator({ seed: 7 });
  database = await freshDatabase('two_consoles');
  priya = await openTeamConsole(sim);
  arjun = await openTeamConsole(sim);
});

afterAll(async () => {
  await priya?.stop();
  await arjun?.stop();
  await database?.admin.end();
  await sim?.close();
});

describe('two consoles on one PostgreSQL', () => {
  it('one links and prepares the database; the other links to the same space', async () => {
    const linked = await priya.call<TeamStatus>('team.configure', {
      enabled: true,
      settings: linkSettings(database.name, 'Priya'),
    });
    // Not prepared yet: the link says so in words instead of failing silently.
    expect(linked.state).toBe('error');
    expect(linked.message).toMatch(/not prepared/);
    const prepared = await priya.call<TeamStatus>('team.prepareDatabase');
    expect(prepared.schemaVersion).toBe(1);
    const synced = await priya.call<TeamStatus>('team.syncNow');
    expect(synced.state).toBe('online');
    const other = await arjun.call<TeamStatus>('team.configure', {
      enabled: true,
      settings: linkSettings(database.name, 'Arjun'),
    });
    expect(other.state).toBe('online');
    expect(other.consoleId).not.toBe(synced.consoleId);
  });

  it("the other console finds one console's orders by X-REQUEST-ID and referenceId and counts them on its dashboard", async () => {
    const fixtures = await simulatorControl(sim.baseUrl).fixtures();
    const placed: OrderDetail[] = [];
    for (const amountPaise of [100_000, 50_000, 100_000]) {
      placed.push(
        await priya.call<OrderDetail>('orders.place', {
          productId: fixtures.fixed,
          amountPaise,
          customerDetails: { name: 'Asha', phoneNumber: '9812345678', email: 'asha.k@example.com' },
        }),
      );
    }
    priya.core.kernel.scopes.get(priya.profile.id).recorder.flush();
    // Shipping is asked for by the writes themselves; the teammate pulls on NOTIFY.
    const order = placed[1]!;
    const requestId = order.calls.at(-1)!.requestId;
    const found = await eventually(
      () => arjun.call<IdentifierResolution>('calls.resolveIdentifier', { value: requestId }),
      (resolution) => resolution.matches.length > 0,
      'the X-REQUEST-ID reaching the other console',
    );
    expect(found.matches[0]!.kind).toBe('request-id');
    const byReference = await eventually(
      () => arjun.call<{ order: OrderDetail | null }>('orders.lookup', { value: order.referenceId }),
      (lookup) => lookup.order !== null,
      'the order reaching the other console',
    );
    expect(byReference.order!.status).toBe(order.status);
    expect(byReference.order!.amountPaise).toBe(50_000);
    // Marked with whose console it came from, in the order, its calls and the support bundles.
    expect(byReference.order!.origin).toEqual({ consoleId: (await priya.status()).consoleId, operator: 'Priya' });
    const bundle = await arjun.call<{ text: string }>('orders.bundle', { referenceId: order.referenceId });
    expect(bundle.text).toContain('Placed from:    Priya’s console (team mode');
    expect(bundle.text).toContain(requestId);
    const callBundle = await arjun.call<{ text: string }>('calls.bundle', { callId: found.matches[0]!.callId });
    expect(callBundle.text).toContain('From:           Priya’s console');

    const now = Date.now();
    const dashboard = await arjun.call<Dashboard>('metrics.dashboard', { from: now - 3_600_000, to: now + 60_000 });
    const orders = dashboard.orders.reduce((sum, point) => sum + point.orders, 0);
    expect(orders).toBe(3);
    expect(dashboard.latency.reduce((sum, row) => sum + row.calls, 0)).toBeGreaterThanOrEqual(3);
  });

  it("never acts on a teammate's order with money: no retry, no watch, no recovery", async () => {
    const db = arjun.db();
    const pulled = db
      .prepare('SELECT reference_id, intent_state, request_json FROM orders WHERE origin_console IS NOT NULL')
      .all() as { reference_id: string; intent_state: string; request_json: string | null }[];
    expect(pulled).toHaveLength(3);
    // Recovery only acts on open intents with a request to resend: a teammate's order is neither.
    expect(pulled.every((order) => order.intent_state === 'resolved' && order.request_json === null)).toBe(true);
    // Had it failed, only the console that placed it may retry it (one retry per original is enforced there).
    db.prepare("UPDATE orders SET status = 'FAILED' WHERE reference_id = ?").run(pulled[0]!.reference_id);
    await expect(arjun.call('orders.retry', { referenceId: pulled[0]!.reference_id })).rejects.toThrow(
      /placed from Priya’s console/,
    );
    // Had it stayed PROCESSING, the teammate's console watches it, not this one.
    db.prepare("UPDATE orders SET status = 'PROCESSING' WHERE reference_id = ?").run(pulled[1]!.reference_id);
    await arjun.core.kernel.jobs.runNow(arjun.profile.id, 'orders.watch-processing');
    expect(db.prepare('SELECT count(*) FROM order_watch').pluck().get()).toBe(0);
  });

  it("shows the other console an order that settled through the first console's webhook receiver", async () => {
    const control = simulatorControl(sim.baseUrl);
    const fixtures = await control.fixtures();
    // Priya's console receives the partner's webhooks (Hubble delivers to one URL).
    await priya.call('profiles.update', {
      profileId: priya.profile.id,
      settings: {
        ...settingsFor('staging', 'Acme staging'),
        clientId: DEMO_CLIENTS.staging.clientId,
        webhookReceiver: { enabled: true, port: await freePort() },
      },
    });
    const receiver = await eventually(
      () => priya.call<ReceiverStatus>('receiver.status'),
      (status) => status.state === 'listening',
      'the receiver listening',
    );
    await control.patchClient(DEMO_CLIENTS.staging.clientId, { webhookUrl: receiver.url! });
    await control.nextOutcome({ outcome: 'PROCESSING_THEN_SUCCESS', settleAfterSecs: 10 });
    const slow = await priya.call<OrderDetail>('orders.place', { productId: fixtures.fixed, amountPaise: 100_000 });
    expect(slow.status).toBe('PROCESSING');
    await eventually(
      () => arjun.call<{ order: OrderDetail | null }>('orders.lookup', { value: slow.referenceId }),
      (lookup) => lookup.order?.status === 'PROCESSING',
      'the PROCESSING order reaching the other console',
    );
    await control.advanceClock(20);
    await control.flushWebhooks();
    // The terminal-state webhook settles it in Priya's console; the new version travels to Arjun's.
    const settled = await eventually(
      () => arjun.call<{ order: OrderDetail | null }>('orders.lookup', { value: slow.referenceId }),
      (lookup) => lookup.order?.status === 'SUCCESS',
      'the settled order reaching the other console',
    );
    expect(settled.order!.history.map((change) => change.status)).toContain('SUCCESS');
    const events = await database.admin.query(
      "SELECT type, state, operator FROM team_webhook_events WHERE type = 'order-terminal-state'",
    );
    expect(events.rows).toContainEqual({ type: 'order-terminal-state', state: 'applied', operator: 'Priya' });
  });

  it('every row of the first console is in PostgreSQL exactly once, and nothing comes back to it', async () => {
    await priya.call('team.syncNow');
    const local = priya.db().prepare('SELECT count(*) FROM api_calls WHERE origin_console IS NULL').pluck().get();
    const shipped = await database.admin.query(
      'SELECT count(*)::int AS rows, count(DISTINCT local_id)::int AS ids FROM team_calls WHERE console_id = $1',
      [(await priya.status()).consoleId],
    );
    expect(shipped.rows[0]).toEqual({ rows: local, ids: local });
    // What it shipped never comes back to it as a teammate's row; the teammate's own calls (its wallet polls) do.
    const { consoleId } = await priya.status();
    const origins = priya
      .db()
      .prepare('SELECT DISTINCT origin_console FROM api_calls WHERE origin_console IS NOT NULL')
      .pluck()
      .all();
    expect(origins).toEqual([(await arjun.status()).consoleId]);
    expect(origins).not.toContain(consoleId);
  });
});
