import { useState, type FormEvent } from 'react';
import type { AlertCondition, AlertKind, AlertRule, AlertRuleInput } from '../../../../shared/contract/alerts.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { defaultCondition, KIND_WORDS } from './alert-words.ts';
import { useAlerts } from './alerts-store.ts';

/** The numeric fields of each kind: label, key and the unit shown after the input. */
const FIELDS: Record<AlertKind, readonly { key: string; label: string; unit: string; step?: number }[]> = {
  'success-rate': [
    { key: 'belowPercent', label: 'Fires below', unit: '%', step: 0.5 },
    { key: 'windowMinutes', label: 'Over the last', unit: 'min' },
    { key: 'minSamples', label: 'At least', unit: 'decided orders' },
  ],
  'wallet-below-minimum': [],
  runway: [{ key: 'belowHours', label: 'Fires below', unit: 'hours of runway', step: 0.5 }],
  'error-spike': [
    { key: 'factor', label: 'Fires at', unit: '× the previous window', step: 0.5 },
    { key: 'windowMinutes', label: 'Window', unit: 'min' },
    { key: 'minCalls', label: 'At least', unit: 'calls' },
  ],
  'webhook-failures': [
    { key: 'atLeast', label: 'Fires at', unit: 'failures or more' },
    { key: 'windowMinutes', label: 'Within', unit: 'min' },
  ],
  'rate-limit': [{ key: 'abovePercent', label: 'Fires above', unit: '% of a limit' }],
  'stuck-processing': [
    { key: 'atLeast', label: 'Fires at', unit: 'orders or more' },
    { key: 'olderThanMinutes', label: 'PROCESSING for over', unit: 'min' },
  ],
};

interface Draft {
  name: string;
  enabled: boolean;
  forMinutes: string;
  reNotifyMinutes: string;
  kind: AlertKind;
  values: Record<string, string>;
}

const draftOf = (rule: AlertRule | null): Draft => {
  const condition = rule?.condition ?? defaultCondition('success-rate');
  return {
    name: rule?.name ?? '',
    enabled: rule?.enabled ?? true,
    forMinutes: String(rule?.forMinutes ?? 2),
    reNotifyMinutes: String(rule?.reNotifyMinutes ?? 60),
    kind: condition.kind,
    values: valuesOf(condition),
  };
};

const valuesOf = (condition: AlertCondition) =>
  Object.fromEntries(
    Object.entries(condition)
      .filter(([key]) => key !== 'kind')
      .map(([key, value]) => [key, String(value)]),
  );

/** The draft as the contract's input; main validates the ranges and says which field is wrong. */
export function ruleInputOf(draft: Draft, id: number | undefined): AlertRuleInput {
  const condition = {
    kind: draft.kind,
    ...Object.fromEntries(FIELDS[draft.kind].map((field) => [field.key, Number(draft.values[field.key])])),
  };
  return {
    ...(id === undefined ? {} : { id }),
    name: draft.name.trim() || KIND_WORDS[draft.kind],
    enabled: draft.enabled,
    forMinutes: Number(draft.forMinutes),
    reNotifyMinutes: Number(draft.reNotifyMinutes),
    condition: condition as AlertCondition,
  };
}

/** Create or edit a rule: kind, thresholds and window, how long a breach lasts before firing, reminders. */
export function RuleEditor({ rule, onDone }: { rule: AlertRule | null; onDone(): void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule));
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [saving, setSaving] = useState(false);

  const setKind = (kind: AlertKind) =>
    setDraft((current) => ({ ...current, kind, values: valuesOf(defaultCondition(kind)) }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await useAlerts.getState().save(ruleInputOf(draft, rule?.id));
    setSaving(false);
    if (result.ok) onDone();
    else setError(result.error);
  };

  return (
    <form className="rule-editor" aria-label={rule ? `Edit rule ${rule.name}` : 'New alert rule'} onSubmit={submit}>
      <h2>{rule ? `Edit “${rule.name}”` : 'New alert rule'}</h2>
      <div className="rule-editor__grid">
        <label>
          Name
          <input
            value={draft.name}
            placeholder={KIND_WORDS[draft.kind]}
            maxLength={80}
            onChange={(event) => setDraft({ ...draft, name: event.target.value })}
          />
        </label>
        <label>
          Watches
          <select
            value={draft.kind}
            onChange={(event) => setKind(event.target.value as AlertKind)}
            disabled={rule !== null}
          >
            {(Object.keys(KIND_WORDS) as AlertKind[]).map((kind) => (
              <option key={kind} value={kind}>
                {KIND_WORDS[kind]}
              </option>
            ))}
          </select>
        </label>
        {FIELDS[draft.kind].map((field) => (
          <label key={field.key}>
            {field.label}
            <span className="rule-editor__with-unit">
              <input
                type="number"
                step={field.step ?? 1}
                min={0}
                required
                value={draft.values[field.key] ?? ''}
                onChange={(event) =>
                  setDraft({ ...draft, values: { ...draft.values, [field.key]: event.target.value } })
                }
              />
              <span className="muted">{field.unit}</span>
            </span>
          </label>
        ))}
        <label>
          Fires after the breach lasts
          <span className="rule-editor__with-unit">
            <input
              type="number"
              min={0}
              max={120}
              required
              value={draft.forMinutes}
              onChange={(event) => setDraft({ ...draft, forMinutes: event.target.value })}
            />
            <span className="muted">min (0: at once)</span>
          </span>
        </label>
        <label>
          Remind every
          <span className="rule-editor__with-unit">
            <input
              type="number"
              min={0}
              max={1440}
              required
              value={draft.reNotifyMinutes}
              onChange={(event) => setDraft({ ...draft, reNotifyMinutes: event.target.value })}
            />
            <span className="muted">min (0: never)</span>
          </span>
        </label>
        <label className="rule-editor__check">
          <input
            type="checkbox"
            checked={draft.enabled}
            onChange={(event) => setDraft({ ...draft, enabled: event.target.checked })}
          />
          Enabled
        </label>
      </div>
      {draft.kind === 'wallet-below-minimum' && (
        <p className="muted">Uses the wallet minimum set on the profile (Profiles).</p>
      )}
      <OperationErrorMessage error={error} withPaths />
      <div className="rule-editor__actions">
        <button type="submit" className="button-primary" disabled={saving}>
          {rule ? 'Save rule' : 'Create rule'}
        </button>
        <button type="button" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
