import type { CallRecord } from '../../../src/main/hubble/call-recorder.ts';

let seq = 0;

/** A plausible recorded call; override what the test is about. */
export function callRecord(overrides: Partial<CallRecord> = {}): CallRecord {
  seq += 1;
  return {
    at: Date.UTC(2024, 4, 1, 10, 0, 0) + seq,
    profileId: 'staging-1',
    environment: 'staging',
    baseUrl: 'https://api.dev.myhubble.money',
    method: 'GET',
    path: '/v1/partners/wallet/balance',
    endpoint: 'GET /v1/partners/wallet/balance',
    httpStatus: 200,
    outcome: 'ok',
    failure: null,
    latencyMs: 42,
    requestId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    serverRequestId: null,
    attempt: 1,
    requestBody: null,
    responseJson: { balance: 1000 },
    responseText: null,
    orderId: null,
    referenceId: null,
    orderStatus: null,
    amount: null,
    sensitive: [],
    ...overrides,
  };
}
