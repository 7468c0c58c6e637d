import type Database from 'better-sqlite3';
import {
  alertConditionSchema,
  type AlertEvent,
  type AlertRule,
  type AlertRuleInput,
} from '../../../shared/contract/alerts.ts';
import { initialRuleState, type RuleState } from './alert-state-machine.ts';

interface RuleRow {
  id: number;
  kind: string;
  name: string;
  enabled: number;
  params_json: string;
  created_at: number;
  updated_at: number;
  state: RuleState['state'] | null;
  since: number | null;
  value: number | null;
  evaluated_at: number | null;
  notified_at: number | null;
  acknowledged_at: number | null;
  snoozed_until: number | null;
}

interface StoredParams {
  forMinutes: number;
  reNotifyMinutes: number;
  condition: unknown;
}

export interface StoredRule {
  readonly rule: AlertRule;
  readonly state: RuleState;
}

const toStored = (row: RuleRow): StoredRule => {
  const params = JSON.parse(row.params_json) as StoredParams;
  const state: RuleState = {
    state: row.state ?? 'ok',
    since: row.since ?? row.created_at,
    value: row.value,
    evaluatedAt: row.evaluated_at,
    notifiedAt: row.notified_at,
    acknowledgedAt: row.acknowledged_at,
    snoozedUntil: row.snoozed_until,
  };
  return {
    state,
    rule: {
      id: row.id,
      name: row.name,
      enabled: row.enabled === 1,
      forMinutes: params.forMinutes,
      reNotifyMinutes: params.reNotifyMinutes,
      condition: alertConditionSchema.parse(params.condition),
      state: state.state,
      since: state.since,
      value: state.value,
      evaluatedAt: state.evaluatedAt,
      acknowledgedAt: state.acknowledgedAt,
      snoozedUntil: state.snoozedUntil,
    },
  };
};

const SELECT_RULES = `SELECT r.*, s.state, s.since, s.value, s.evaluated_at, s.notified_at, s.acknowledged_at, s.snoozed_until
  FROM alert_rules r LEFT JOIN alert_states s ON s.rule_id = r.id`;

/** The alert tables of one profile database (profile migration "alerts"). */
export class AlertStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  all(): StoredRule[] {
    return (this.#db.prepare(`${SELECT_RULES} ORDER BY r.id`).all() as RuleRow[]).map(toStored);
  }

  get(id: number): StoredRule | undefined {
    const row = this.#db.prepare(`${SELECT_RULES} WHERE r.id = ?`).get(id) as RuleRow | undefined;
    return row ? toStored(row) : undefined;
  }

  /** A changed condition or timing restarts the rule from ok: the old state answered another question. */
  save(input: AlertRuleInput, now: number): StoredRule | undefined {
    const params = JSON.stringify({
      forMinutes: input.forMinutes,
      reNotifyMinutes: input.reNotifyMinutes,
      condition: input.condition,
    } satisfies StoredParams);
    return this.#db.transaction(() => {
      let id = input.id;
      if (id === undefined) {
        id = Number(
          this.#db
            .prepare(
              'INSERT INTO alert_rules (kind, name, enabled, params_json, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
            )
            .run(input.condition.kind, input.name, input.enabled ? 1 : 0, params, now, now).lastInsertRowid,
        );
      } else {
        const before = this.#db.prepare('SELECT params_json FROM alert_rules WHERE id = ?').pluck().get(id) as
          string | undefined;
        if (before === undefined) return undefined;
        this.#db
          .prepare(
            'UPDATE alert_rules SET kind = ?, name = ?, enabled = ?, params_json = ?, updated_at = ? WHERE id = ?',
          )
          .run(input.condition.kind, input.name, input.enabled ? 1 : 0, params, now, id);
        if (before !== params || !input.enabled) this.#db.prepare('DELETE FROM alert_states WHERE rule_id = ?').run(id);
      }
      if (this.#db.prepare('SELECT 1 FROM alert_states WHERE rule_id = ?').get(id) === undefined)
        this.writeState(id, initialRuleState(now));
      return this.get(id);
    })();
  }

  delete(id: number): boolean {
    return this.#db.prepare('DELETE FROM alert_rules WHERE id = ?').run(id).changes > 0;
  }

  writeState(ruleId: number, state: RuleState): void {
    this.#db
      .prepare(
        `INSERT INTO alert_states (rule_id, state, since, value, evaluated_at, notified_at, acknowledged_at, snoozed_until)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (rule_id) DO UPDATE SET state = excluded.state, since = excluded.since, value = excluded.value,
           evaluated_at = excluded.evaluated_at, notified_at = excluded.notified_at,
           acknowledged_at = excluded.acknowledged_at, snoozed_until = excluded.snoozed_until`,
      )
      .run(
        ruleId,
        state.state,
        state.since,
        state.value,
        state.evaluatedAt,
        state.notifiedAt,
        state.acknowledgedAt,
        state.snoozedUntil,
      );
  }

  addEvent(event: Omit<AlertEvent, 'id'>): void {
    this.#db
      .prepare(
        `INSERT INTO alert_events (rule_id, rule_name, kind, event, value, threshold, message, at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        event.ruleId,
        event.ruleName,
        event.kind,
        event.event,
        event.value,
        event.threshold,
        event.message,
        event.at,
      );
  }

  history(limit: number, before?: number): AlertEvent[] {
    const rows = this.#db
      .prepare(
        `SELECT id, rule_id, rule_name, kind, event, value, threshold, message, at FROM alert_events
         WHERE id < ? ORDER BY id DESC LIMIT ?`,
      )
      .all(before ?? Number.MAX_SAFE_INTEGER, limit) as {
      id: number;
      rule_id: number;
      rule_name: string;
      kind: string;
      event: AlertEvent['event'];
      value: number | null;
      threshold: number | null;
      message: string;
      at: number;
    }[];
    return rows.map((row) => ({
      id: row.id,
      ruleId: row.rule_id,
      ruleName: row.rule_name,
      kind: row.kind,
      event: row.event,
      value: row.value,
      threshold: row.threshold,
      message: row.message,
      at: row.at,
    }));
  }

  muted(): boolean {
    return this.#db.prepare("SELECT value FROM alert_settings WHERE key = 'muted'").pluck().get() === 'true';
  }

  setMuted(muted: boolean): void {
    this.#db
      .prepare(
        "INSERT INTO alert_settings (key, value) VALUES ('muted', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
      )
      .run(String(muted));
  }

  /** Creates these rules the first time only: rules the operator deleted do not come back. */
  seedOnce(rules: readonly AlertRuleInput[], now: number): void {
    this.#db.transaction(() => {
      if (this.#db.prepare("SELECT 1 FROM alert_settings WHERE key = 'defaults_seeded'").get() !== undefined) return;
      for (const rule of rules) this.save(rule, now);
      this.#db.prepare("INSERT INTO alert_settings (key, value) VALUES ('defaults_seeded', 'true')").run();
    })();
  }

  firingCount(): number {
    return this.#db.prepare("SELECT count(*) FROM alert_states WHERE state = 'firing'").pluck().get() as number;
  }
}
