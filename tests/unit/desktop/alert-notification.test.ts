import { describe, expect, it } from 'vitest';
import { alertNotification } from '../../../src/main/desktop/alert-notification.ts';
import type { AlertFired } from '../../../src/shared/contract/alerts.ts';

const fired = (overrides: Partial<AlertFired> = {}): AlertFired => ({
  profileId: 'p1',
  ruleId: 1,
  ruleName: 'Success rate below 95%',
  kind: 'success-rate',
  event: 'fired',
  value: 0.81,
  threshold: 0.95,
  message: 'Success rate 81% over the last 15 min (120 orders), below 95%',
  at: Date.UTC(2026, 0, 1),
  explain: { from: Date.UTC(2026, 0, 1) - 900_000, to: Date.UTC(2026, 0, 1) },
  ...overrides,
});

describe('alert notification', () => {
  it('names the rule and the profile, says the message, and opens the Alerts page on click', () => {
    expect(alertNotification(fired(), 'Acme Production')).toEqual({
      title: 'Success rate below 95% · Acme Production',
      body: 'Success rate 81% over the last 15 min (120 orders), below 95%',
      onClick: { kind: 'go', area: 'alerts' },
    });
  });

  it('says when it is a reminder, and keeps a long message short', () => {
    const note = alertNotification(fired({ event: 'renotified', message: 'x'.repeat(500) }), null);
    expect(note.title).toBe('Success rate below 95% (still firing)');
    expect(note.body.length).toBeLessThanOrEqual(180);
    expect(note.body.endsWith('…')).toBe(true);
  });
});
