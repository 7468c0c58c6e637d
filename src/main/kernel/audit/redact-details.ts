import { REDACTED } from '../../../shared/hubble/redact.ts';

const SENSITIVE_KEY = /secret|password|passwd|token|authorization|cardnumber|cardpin|^pin$/i;

/**
 * Defence in depth for audit details: callers pass names and settings only, but a key that sounds like a
 * credential is replaced anyway, at any depth, so a future caller cannot put a secret in the log by mistake.
 */
export function redactDetails(value: unknown, depth = 0): unknown {
  if (depth > 6) return '[nested]';
  if (Array.isArray(value)) return value.map((item) => redactDetails(item, depth + 1));
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [
        key,
        SENSITIVE_KEY.test(key) ? REDACTED : redactDetails(inner, depth + 1),
      ]),
    );
  }
  return value;
}
