import type { z } from 'zod';
import type { Classification, Confidence, FieldIssue } from './classification.ts';
import type { Evidence } from './findings.ts';
import { isSensitiveKey, maskValue } from './mask-card-data.ts';
import { WEBHOOK_TYPES, type WebhookTypeSpec } from './webhook-types.ts';

type Payload = Record<string, unknown>;

const KNOWN_KEYS = new Set(WEBHOOK_TYPES.flatMap((spec) => [...spec.keys, ...(spec.optionalKeys ?? [])]));
const round = (value: number) => Math.round(value * 100) / 100;
const sameShape = (a: WebhookTypeSpec, b: WebhookTypeSpec) => a.keys.join() === b.keys.join();
const isPlainObject = (value: unknown): value is Payload =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * How much of a type's characteristic shape the payload has: shared keys over the union of the type's keys
 * and the payload's known keys, so a Brand Updated body ({id, status, denominationType…}) scores low as an
 * Order Terminal State ({id, status}) and the other way round.
 */
function shapeScore(spec: WebhookTypeSpec, payload: Payload): number {
  const present = Object.keys(payload).filter((key) => KNOWN_KEYS.has(key));
  const shared = [...spec.keys, ...(spec.optionalKeys ?? [])].filter((key) => Object.hasOwn(payload, key)).length;
  const union = new Set([...spec.keys, ...present]).size;
  return union === 0 ? 0 : shared / union;
}

export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues
    .slice(0, 50)
    .map((issue) => ({ path: issue.path.map(String).join('.') || '(payload)', message: issue.message }));
}

function describeValue(key: string, value: unknown): string {
  if (isSensitiveKey(key) && (typeof value === 'string' || typeof value === 'number'))
    return maskValue(key, String(value));
  if (Array.isArray(value)) return `${value.length} item${value.length === 1 ? '' : 's'}`;
  if (isPlainObject(value))
    return `{ ${Object.keys(value).slice(0, 8).join(', ')}${Object.keys(value).length > 8 ? ', …' : ''} }`;
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 117)}…` : text;
}

function factsOf(payload: Payload): Evidence[] {
  const facts: Evidence[] = [];
  for (const [key, value] of Object.entries(payload).slice(0, 16)) {
    facts.push({ label: key, value: describeValue(key, value) });
    if (key === 'details' && isPlainObject(value)) {
      for (const [inner, innerValue] of Object.entries(value).slice(0, 8))
        facts.push({ label: `details.${inner}`, value: describeValue(inner, innerValue) });
    }
  }
  return facts;
}

function notesFor(spec: WebhookTypeSpec | null, payload: Payload): string[] {
  const notes: string[] = [];
  const restrictions = payload['amountRestrictions'];
  if (isPlainObject(restrictions) && ('minAmount' in restrictions || 'maxAmount' in restrictions)) {
    notes.push(
      'amountRestrictions carries the deprecated minAmount/maxAmount: read minOrderAmount/maxOrderAmount instead.',
    );
  }
  if (spec?.id === 'order-terminal-state' && payload['status'] !== 'SUCCESS' && payload['status'] !== 'FAILED') {
    notes.push(
      `status is ${JSON.stringify(payload['status'])}: the docs say this webhook is sent only for SUCCESS or FAILED.`,
    );
  }
  if (spec?.family === 'sdk-transaction') {
    if (!('orderStatus' in payload))
      notes.push('No orderStatus: an older SDK payload version; the status is inferred from the vouchers.');
    if (typeof payload['amount'] === 'string')
      notes.push(
        'amount is a string: an older SDK payload version. Parse it as a decimal, never as a float for money.',
      );
    const vouchers = Array.isArray(payload['vouchers']) ? payload['vouchers'] : [];
    if (vouchers.some((voucher) => isPlainObject(voucher) && voucher['brandRetailModes'] === null)) {
      notes.push('brandRetailModes is null on a voucher: treat it as "no tags", not as an error.');
    }
  }
  return notes;
}

function unknownFieldsOf(spec: WebhookTypeSpec | null, payload: Payload): string[] {
  if (!spec) return [];
  const shape = (spec.schema as unknown as { shape?: Record<string, unknown> }).shape ?? {};
  return Object.keys(payload).filter((key) => !Object.hasOwn(shape, key));
}

interface Pick {
  spec: WebhookTypeSpec;
  score: number;
  confidence: Confidence;
  reason: string;
}

function pickByMarker(payload: Payload): Pick | 'unknown-event' | null {
  const event = payload['event'];
  if (event !== undefined) {
    const spec = WEBHOOK_TYPES.find(
      (candidate) => candidate.marker?.field === 'event' && candidate.marker.value === event,
    );
    if (!spec) return 'unknown-event';
    return {
      spec,
      score: 1,
      confidence: 'certain',
      reason: `The payload names its type: event = ${JSON.stringify(event)}.`,
    };
  }
  const status = payload['orderStatus'];
  if (typeof status === 'string' && 'transactionReferenceId' in payload) {
    const spec = WEBHOOK_TYPES.find(
      (candidate) => candidate.marker?.field === 'orderStatus' && candidate.marker.value === status,
    );
    if (spec)
      return {
        spec,
        score: round(shapeScore(spec, payload)),
        confidence: 'certain',
        reason: `An SDK transaction webhook whose orderStatus is ${status}.`,
      };
  }
  return null;
}

function pickByShape(payload: Payload): { pick: Pick | null; ranked: Array<{ spec: WebhookTypeSpec; score: number }> } {
  const ranked = WEBHOOK_TYPES.filter((spec) => spec.family !== 'sdk-brand-event')
    .map((spec) => ({ spec, score: shapeScore(spec, payload) }))
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best || best.score === 0) return { pick: null, ranked };
  let { spec } = best;
  let reasonTail = '';
  /** 'inferred': told apart by a rule rather than a field; 'ambiguous': a guess between lookalikes. */
  let certainty: 'shape' | 'inferred' | 'ambiguous' = 'shape';
  if (spec.family === 'sdk-transaction') {
    // Older SDK payloads have no orderStatus: vouchers are only present on COMPLETED, and FAILED and REVERSED look identical.
    const vouchers = payload['vouchers'];
    const hasVouchers = Array.isArray(vouchers) && vouchers.length > 0;
    spec = WEBHOOK_TYPES.find(
      (candidate) => candidate.id === (hasVouchers ? 'sdk-transaction-completed' : 'sdk-transaction-failed'),
    )!;
    reasonTail = hasVouchers
      ? ' Without orderStatus, a non-empty vouchers array means COMPLETED.'
      : ' Without orderStatus, FAILED and REVERSED look identical (empty vouchers); FAILED is the likelier.';
    certainty = hasVouchers ? 'inferred' : 'ambiguous';
  }
  const runnerUp = ranked.find((candidate) => !sameShape(candidate.spec, spec));
  const present = spec.keys.filter((key) => Object.hasOwn(payload, key));
  const missing = spec.keys.filter((key) => !Object.hasOwn(payload, key));
  const reason = `No type field (Hubble's ${spec.family === 'partner-api' ? 'partner API' : 'SDK transaction'} webhooks carry none), so the type is inferred from the shape: ${present.length} of ${spec.keys.length} characteristic keys (${present.join(', ')})${missing.length ? `; missing ${missing.join(', ')}` : ''}.${reasonTail}`;
  const valid = spec.schema.safeParse(payload).success;
  let confidence: Confidence;
  if (best.score >= 0.99 && valid && (runnerUp?.score ?? 0) < 0.75 && certainty === 'shape') confidence = 'high';
  else if (best.score >= 0.5 && (valid || best.score >= 0.99))
    confidence = certainty === 'ambiguous' ? 'low' : 'medium';
  else confidence = 'low';
  return { pick: { spec, score: round(best.score), confidence, reason }, ranked };
}

/** Other shapes worth a look: a lookalike with the same keys when the pick is ambiguous, then the next best shapes. */
function alternativesTo(pick: Pick, ranked: Array<{ spec: WebhookTypeSpec; score: number }>, payload: Payload) {
  const lookalikes =
    pick.confidence === 'low'
      ? ranked.filter(
          (candidate) =>
            candidate.spec.id !== pick.spec.id &&
            sameShape(candidate.spec, pick.spec) &&
            candidate.spec.schema.safeParse(payload).success,
        )
      : [];
  const others = ranked.filter((candidate) => candidate.score > 0 && !sameShape(candidate.spec, pick.spec));
  return [...lookalikes, ...others]
    .slice(0, 3)
    .map((candidate) => ({ type: candidate.spec.id, label: candidate.spec.label, score: round(candidate.score) }));
}

/** A classification that names no type: the body could not be read as a webhook, or matches none. */
export const unclassified = (
  json: Classification['json'],
  parseError: string | null,
  reason: string,
  facts: Evidence[] = [],
): Classification => ({
  json,
  parseError,
  type: null,
  label: null,
  family: null,
  confidence: 'none',
  score: 0,
  reason,
  alternatives: [],
  valid: false,
  issues: [],
  unknownFields: [],
  notes: [],
  advice: [],
  facts,
});

/** Classifies a parsed webhook body by its shape (most Hubble webhooks carry no type field) and validates it. */
export function classifyPayload(value: unknown): Classification {
  if (!isPlainObject(value)) {
    const kind = Array.isArray(value) ? 'an array' : value === null ? 'null' : `a ${typeof value}`;
    return unclassified('not-object', null, `The body is JSON but ${kind}; every Hubble webhook is a JSON object.`);
  }
  const facts = factsOf(value);
  const marked = pickByMarker(value);
  if (marked === 'unknown-event') {
    return {
      ...unclassified(
        'object',
        null,
        `event = ${describeValue('event', value['event'])} is not one of the documented SDK brand events (USER_DISCOUNT_UPDATED, NEW_BRAND_CREATED, BRAND_DISABLED, PARTNER_DISCOUNT_UPDATED).`,
        facts,
      ),
      confidence: 'low',
    };
  }
  const { pick, ranked } = marked ? { pick: marked, ranked: [] } : pickByShape(value);
  if (!pick)
    return unclassified(
      'object',
      null,
      'None of the documented webhook shapes matches: no characteristic keys are present.',
      facts,
    );
  const parsed = pick.spec.schema.safeParse(value);
  const confidence: Confidence = pick.confidence === 'certain' && !parsed.success ? 'high' : pick.confidence;
  return {
    json: 'object',
    parseError: null,
    type: pick.spec.id,
    label: pick.spec.label,
    family: pick.spec.family,
    confidence,
    score: pick.score,
    reason: pick.reason,
    alternatives: alternativesTo(pick, ranked, value),
    valid: parsed.success,
    issues: parsed.success ? [] : issuesOf(parsed.error),
    unknownFields: unknownFieldsOf(pick.spec, value),
    notes: notesFor(pick.spec, value),
    advice: [...pick.spec.advice],
    facts,
  };
}
