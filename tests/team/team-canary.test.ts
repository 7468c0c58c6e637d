import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleRoleGrants, migrateTeamDatabase } from '../../src/main/areas/team/pg-migrate.ts';
import { simulatorControl } from '../../src/main/simulator/control-client.ts';
import { DEMO_CLIENTS, startSimulator, type RunningSimulator } from '../../src/main/simulator/index.ts';
import type { OrderDetail, RevealedVoucher } from '../../src/shared/contract/orders.ts';
import type { TeamStatus } from '../../src/shared/contract/team.ts';
import { SUPERUSER_PASSWORD } from '../fixtures/postgres-cluster.ts';
import { cluster, freshDatabase, linkSettings, openTeamConsole, type TeamConsole } from './team-fixture.ts';

// Markers that must never reach the team database, whatever the console does with them.
const CLIENT_MARKER = `CANARY-client-${crypto.randomBytes(6).toString('hex')}`;
const WEBHOOK_MARKER = `CANARY-webhook-${crypto.randomBytes(6).toString('hex')}`;
const PASSWORD_MARKER = `CANARY-team-password-${crypto.randomBytes(6).toString('hex')}`;
const EMAIL_MARKER = `canary.${crypto.randomBytes(4).toString('hex')}@example.com`;
const PHONE_MARKER = '9876501234';

let sim: RunningSimulator;
let database: { name: string; admin: pg.Client };
let operator: TeamConsole;

beforeAll(async () => {
  sim = await startSimulator({ seed: 11 });
  database = await freshDatabase('canary');
  await migrateTeamDatabase(database.admin);
  // The console logs in with the least-privilege role, whose password is a marker kept in the keychain.
  await database.admin.query(`CREATE ROLE canary_console LOGIN PASSWORD '${PASSWORD_MARKER}'`);
  await database.admin.query(consoleRoleGrants('canary_console'));
  operator = await openTeamConsole(sim, { password: PASSWORD_MARKER });
});

afterAll(async () => {
  await operator?.stop();
  await database?.admin.end();
  await sim?.close();
});

function dumpTeamDatabase(): string {
  const { binDir, port } = cluster();
  return execFileSync(
    path.join(binDir, 'pg_dump'),
    ['--host', '127.0.0.1', '--port', String(port), '--username', 'postgres', '--data-only', database.name],
    { env: { ...process.env, PGPASSWORD: SUPERUSER_PASSWORD }, maxBuffer: 256 * 1024 * 1024 },
  ).toString('utf8');
}

describe('team database canary', () => {
  it('holds none of the secrets, card data or contact details that went through the console', async () => {
    const { call, profile } = operator;
    const linked = await call<TeamStatus>('team.configure', {
      enabled: true,
      settings: linkSettings(database.name, 'Priya', {}, 'canary_console'),
    });
    expect(linked.state).toBe('online');

    // A wrong client secret goes all the way to the login and back (recorded, redacted).
    await call('profiles.setSecret', { profileId: profile.id, kind: 'clientSecret', value: CLIENT_MARKER });
    await call('profiles.testConnection', { profileId: profile.id });
    await call('profiles.setSecret', {
      profileId: profile.id,
      kind: 'clientSecret',
      value: DEMO_CLIENTS.staging.clientSecret,
    });
    await call('profiles.setSecret', { profileId: profile.id, kind: 'webhookSecret', value: WEBHOOK_MARKER });
    await call('webhooks.signWithProfile', { profileId: profile.id, body: { text: '{"event":"canary"}' } });

    // Orders with contact details, one of them through an unknown outcome (the intent keeps them until resolved).
    const fixtures = await simulatorControl(sim.baseUrl).fixtures();
    const customerDetails = { name: 'Asha', phoneNumber: PHONE_MARKER, email: EMAIL_MARKER };
    await simulatorControl(sim.baseUrl).addFault({
      path: '/v1/partners/orders',
      method: 'POST',
      kind: 'drop-after-commit',
    });
    const orders: OrderDetail[] = [];
    for (const amountPaise of [100_000, 50_000])
      orders.push(await call<OrderDetail>('orders.place', { productId: fixtures.fixed, amountPaise, customerDetails }));
    // One order whose outcome stays unknown (Hubble cannot be asked): its intent, with the full contact details it
    // must resend, sits in the local store while the outbox ships.
    await simulatorControl(sim.baseUrl).addFault({
      path: '/v1/partners/orders',
      method: 'POST',
      kind: 'drop-after-commit',
    });
    await simulatorControl(sim.baseUrl).addFault({
      path: '/v1/partners/orders/by-reference',
      kind: 'http-5xx',
      times: 1000,
    });
    const unknown = await call<OrderDetail>('orders.place', {
      productId: fixtures.fixed,
      amountPaise: 100_000,
      customerDetails,
    }).catch((error: Error) => error);
    const openIntents = operator
      .db()
      .prepare("SELECT count(*) FROM orders WHERE intent_state <> 'resolved'")
      .pluck()
      .get();
    expect(openIntents, JSON.stringify(unknown)).toBe(1);
    await call('team.syncNow');
    const cards: string[] = [];
    for (const order of orders) {
      const revealed = await call<{ vouchers: RevealedVoucher[] }>('orders.revealVouchers', { orderId: order.orderId });
      for (const voucher of revealed.vouchers)
        cards.push(...[voucher.cardNumber, voucher.cardPin].filter((v) => v !== null));
      await call('orders.bundle', { referenceId: order.referenceId });
    }
    expect(cards.length).toBeGreaterThan(0);
    operator.core.kernel.scopes.get(profile.id).recorder.flush();

    const synced = await call<TeamStatus>('team.syncNow');
    expect(synced.state, synced.message ?? '').toBe('online');
    expect(synced.backlog, JSON.stringify(synced)).toBe(0);

    const dump = dumpTeamDatabase();
    // The dump really holds the shared history: the orders, their calls and the audit trail of these actions.
    for (const order of orders) expect(dump).toContain(order.referenceId);
    expect(dump).toContain('orders.vouchers-revealed');
    expect(dump).toContain('secret.set');
    for (const marker of [CLIENT_MARKER, WEBHOOK_MARKER, PASSWORD_MARKER, EMAIL_MARKER, PHONE_MARKER, ...cards])
      expect(dump.includes(marker), `a secret or card datum (${marker.slice(0, 14)}…) is in the team database`).toBe(
        false,
      );
  });
});
