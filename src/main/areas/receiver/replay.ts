import { request } from 'undici';
import type { WebhookEventRow } from './webhook-event-store.ts';

const REPLAY_TIMEOUT_MS = 10_000;

export interface ReplayOutcome {
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * Sends a stored verified event again: its exact bytes and the X-Verify it arrived with (so the target must
 * share this profile's secret to accept it, as Hubble's own delivery would). Only HTTP 200 counts as delivered.
 */
export async function replayEvent(row: WebhookEventRow, url: string): Promise<ReplayOutcome> {
  const headers = JSON.parse(row.headers_json) as Record<string, string>;
  const started = performance.now();
  try {
    const response = await request(url, {
      method: 'POST',
      headers: {
        'content-type': headers['content-type'] ?? 'application/json',
        'x-verify': headers['x-verify'] ?? '',
        'user-agent': 'hubble-ops-console-replay',
      },
      body: row.body ?? Buffer.alloc(0),
      headersTimeout: REPLAY_TIMEOUT_MS,
      bodyTimeout: REPLAY_TIMEOUT_MS,
      signal: AbortSignal.timeout(REPLAY_TIMEOUT_MS),
    });
    await response.body.dump();
    return { status: response.statusCode, error: null, durationMs: Math.round(performance.now() - started) };
  } catch (error) {
    // The operator sees the kind of failure; the raw error can carry the URL's credentials.
    const code = (error as { code?: string }).code;
    return { status: null, error: code ?? 'Delivery failed', durationMs: Math.round(performance.now() - started) };
  }
}
