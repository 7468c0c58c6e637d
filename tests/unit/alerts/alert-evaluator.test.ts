import type Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluateAlerts } from '../../../src/main/areas/alerts/alert-evaluator.ts';
import { AlertStore } from '../../../src/main/areas/alerts/alert-store.ts';
import { createAlertsHandlers } from '../../../src/main/areas/alerts/alerts-handlers.ts';
import { DEFAULT_RULES } from '../../../src/main/areas/alerts/default-rules.ts';
import type { ProfileScope } from '../../../src/main/kernel/scopes/profile-scope.ts';
import type { AlertFired } from '../../../src/shared/contract/alerts.ts';
import { alertFiredSchema, alertsOperations } from '../../../src/shared/contract/alerts.ts';
import { defaultProfileSettings, type Profile } from '../../../src/shared/contract/profiles.ts';
import { schedulerOnTestClock } from '../kernel/jobs/scripted-job.ts';
import { openProfileDb } from '../metrics/profile-db.ts';

const MIN = 60_000;
let db: Database.Database;
afterEach(() => db?.close());

const profile: Profile = {
  ...defaultProfileSettings('staging', 'Ops'),
  walletMinimum: 10_000,
  id: 'p1',
  baseUrl: 'https://api.dev.myhubble.money',
  builtIn: false,
  clientId: 'c',
  credentialSource: 'keychain',
  secrets: {
    clientSecret: { set: true, updatedAt: null },
    webhookSecret: { set: true, updatedAt: null },
    teamDbPassword: { set: false, updatedAt: null },
  },
  createdAt: '',
  updatedAt: '',
};

let seq = 0;
const orders = (at: number, success: number, failed: number) => {
  for (const [status, count] of [
    ['SUCCESS', success],
    ['FAILED', failed],
  ] as const) {
    for (let index = 0; index < count; index += 1) {
      seq += 1;
      db.prepare(
        `INSERT INTO orders (reference_id, status, source, intent_state, amount_paise, created_at, updated_at)
         VALUES (?, ?, 'console', 'resolved', 50000, ?, ?)`,
      ).run(`ref-${seq}`, status, at, at);
    }
  }
};

describe('alert evaluator on the job scheduler and a TestClock', () => {
  it('fires once on a success-rate drop, re-notifies, stays quiet while snoozed or muted, resolves with hysteresis', async () => {
    db = openProfileDb();
    const { clock, scheduler, errors } = schedulerOnTestClock(Date.UTC(2026, 10, 26, 10, 0));
    const store = new AlertStore(db);
    store.save(
      {
        name: 'Success rate',
        enabled: true,
        forMinutes: 2,
        reNotifyMinutes: 10,
        condition: { kind: 'success-rate', belowPercent: 95, windowMinutes: 5, minSamples: 20 },
      },
      clock.now(),
    );
    const fired: AlertFired[] = [];
    const changes: number[] = [];
    scheduler.setActiveProfile('p1');
    scheduler.register('p1', {
      name: 'alerts.evaluate',
      schedule: { kind: 'interval', everyMs: MIN },
      runIfNeverRan: true,
      run: async ({ now }) =>
        void evaluateAlerts(db, profile, now(), {
          fired: (payload) => fired.push(alertFiredSchema.parse(payload)),
          changed: (payload) => changes.push(payload.firing),
        }),
    });
    const handlers = createAlertsHandlers({
      activeScope: () => ({ db, profileId: 'p1' }) as unknown as ProfileScope,
      now: () => clock.now(),
      changed: () => undefined,
    });
    // healthy traffic, then a degradation: 70 % for the next minutes
    orders(clock.now() - MIN, 30, 0);
    await clock.advance(MIN);
    expect(fired).toEqual([]);
    for (let minute = 0; minute < 6; minute += 1) {
      orders(clock.now(), 7, 3);
      await clock.advance(MIN);
    }
    expect(fired.map((payload) => payload.event)).toEqual(['fired']);
    expect(fired[0]!.message).toMatch(/^Success rate \d+(\.\d)?% over 5 min/);
    expect(changes.at(-1)).toBe(1);
    // still failing: a reminder ten minutes after the first notification
    for (let minute = 0; minute < 10; minute += 1) {
      orders(clock.now(), 7, 3);
      await clock.advance(MIN);
    }
    expect(fired.map((payload) => payload.event)).toEqual(['fired', 'renotified']);
    // snoozed for 30 min and the profile muted: evaluated, kept in history, never notified
    const id = store.all()[0]!.rule.id;
    handlers.snooze({ id, minutes: 30 });
    handlers.setMute({ muted: true });
    for (let minute = 0; minute < 12; minute += 1) {
      orders(clock.now(), 7, 3);
      await clock.advance(MIN);
    }
    expect(fired).toHaveLength(2);
    handlers.setMute({ muted: false });
    // recovery to 96 % is inside the hysteresis band: still firing; 100 % resolves it
    for (let minute = 0; minute < 6; minute += 1) {
      orders(clock.now(), 24, 1);
      await clock.advance(MIN);
    }
    expect(store.all()[0]!.state.state).toBe('firing');
    for (let minute = 0; minute < 6; minute += 1) {
      orders(clock.now(), 30, 0);
      await clock.advance(MIN);
    }
    expect(store.all()[0]!.state.state).toBe('resolved');
    const { history } = await handlers.list({ limit: 50 });
    expect(history.map((event) => event.event).reverse()).toEqual([
      'pending',
      'fired',
      'renotified',
      'snoozed',
      'resolved',
    ]);
    expect(errors).toEqual([]);
    await scheduler.close();
  });

  it('tolerates a profile without a webhook table, and counts refused deliveries once it exists', () => {
    db = openProfileDb();
    const store = new AlertStore(db);
    const now = Date.UTC(2026, 10, 26, 10, 0);
    store.save(
      {
        name: 'Webhooks',
        enabled: true,
        forMinutes: 0,
        reNotifyMinutes: 0,
        condition: { kind: 'webhook-failures', windowMinutes: 60, atLeast: 2 },
      },
      now,
    );
    // a database from before the receiver's migration
    db.exec('DROP TABLE IF EXISTS webhook_events');
    const fired: AlertFired[] = [];
    const notifier = { fired: (payload: AlertFired) => fired.push(payload), changed: () => undefined };
    evaluateAlerts(db, profile, now, notifier);
    expect(store.all()[0]!.rule.value).toBeNull();
    // the receiver's table (profile migration "webhook-events"), reduced to the columns the rule reads
    db.exec('CREATE TABLE webhook_events (id INTEGER PRIMARY KEY, received_at INTEGER, verdict TEXT, state TEXT)');
    db.prepare(
      `INSERT INTO webhook_events (received_at, verdict, state)
       VALUES (?, 'invalid', 'rejected'), (?, 'valid', 'failed'), (?, 'valid', 'applied'), (?, 'missing', 'rejected')`,
    ).run(now - MIN, now - 2 * MIN, now, now - 2 * 60 * MIN);
    evaluateAlerts(db, profile, now + 1, notifier);
    expect(fired.map((payload) => payload.message)).toEqual([
      '2 webhook deliveries refused or not applied in 60 min (1 with a bad or missing signature); threshold 2',
    ]);
  });

  it('measures stuck PROCESSING orders and the wallet minimum; default rules are seeded once', () => {
    db = openProfileDb();
    const store = new AlertStore(db);
    const now = Date.UTC(2026, 10, 26, 10, 0);
    store.seedOnce(DEFAULT_RULES, now);
    for (const stored of store.all()) store.delete(stored.rule.id);
    store.seedOnce(DEFAULT_RULES, now);
    expect(store.all()).toEqual([]);
    store.save(
      {
        name: 'Stuck',
        enabled: true,
        forMinutes: 0,
        reNotifyMinutes: 0,
        condition: { kind: 'stuck-processing', olderThanMinutes: 30, atLeast: 1 },
      },
      now,
    );
    store.save(
      { name: 'Wallet', enabled: true, forMinutes: 0, reNotifyMinutes: 0, condition: { kind: 'wallet-below-minimum' } },
      now,
    );
    db.prepare(
      `INSERT INTO orders (reference_id, status, source, intent_state, amount_paise, created_at, updated_at)
       VALUES ('r-old', 'PROCESSING', 'console', 'resolved', 100, ?, ?), ('r-new', 'PROCESSING', 'console', 'resolved', 100, ?, ?)`,
    ).run(now - 31 * MIN, now - 31 * MIN, now - 5 * MIN, now - 5 * MIN);
    db.prepare(`INSERT INTO wallet_samples (at, balance_paise, source) VALUES (?, 999999, 'poll')`).run(now - MIN);
    const fired: AlertFired[] = [];
    evaluateAlerts(db, profile, now, { fired: (payload) => fired.push(payload), changed: () => undefined });
    expect(fired.map((payload) => payload.message)).toEqual([
      '1 orders PROCESSING for more than 30 min; threshold 1',
      'Wallet balance ₹9,999.99; minimum ₹10,000',
    ]);
    // the payload carries numbers and rule names only
    expect(Object.keys(fired[0]!).sort()).toEqual(
      ['at', 'event', 'explain', 'kind', 'message', 'profileId', 'ruleId', 'ruleName', 'threshold', 'value'].sort(),
    );
  });

  it('rule inputs are strict: an unknown key is refused', () => {
    const parsed = alertsOperations.saveRule.input.safeParse({
      name: 'x',
      enabled: true,
      forMinutes: 0,
      reNotifyMinutes: 0,
      condition: { kind: 'runway', belowHours: 5, extra: 1 },
    });
    expect(parsed.success).toBe(false);
  });
});
