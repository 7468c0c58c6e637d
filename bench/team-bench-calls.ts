// Calls as a partner's console records them, for the team-mode bench: wallet reads, order placements that
// succeed (vouchers in the answer, redacted by the call log), order status reads and E300 refusals, with an
// X-REQUEST-ID each, in the proportions 2:1:1:1. Stored bodies (request + response + failure) average ~320 bytes
// after redaction.
import { randomUUID } from 'node:crypto';
import type { CallRecord } from '../src/main/hubble/call-recorder.ts';

export interface CallOrigin {
  readonly profileId: string;
  readonly environment: CallRecord['environment'];
  readonly baseUrl: string;
}

const ORDERS = '/v1/partners/orders';

const voucher = (i: number) => ({
  id: `01HZV${String(i).padStart(8, '0')}`,
  cardType: 'CARD_AND_PIN_NO_SECURED',
  cardNumber: `53336444766${String(i % 100_000).padStart(5, '0')}`,
  cardPin: String(100_000 + (i % 900_000)),
  validTill: '2027-03-31',
  amount: 500,
});

export function sampleCall(i: number, at: number, origin: CallOrigin): CallRecord {
  const requestId = randomUUID();
  const base = {
    at,
    profileId: origin.profileId,
    environment: origin.environment,
    baseUrl: origin.baseUrl,
    latencyMs: 40 + (i % 300),
    requestId,
    serverRequestId: requestId,
    attempt: 1,
    responseText: null,
    sensitive: ['bench-client-secret', 'eyJhbGciOiJIUzI1NiJ9.bench.token'],
  };
  const orderId = `01HZORD${String(i).padStart(10, '0')}`;
  const referenceId = `ref-${String(i).padStart(10, '0')}`;
  switch (i % 5) {
    case 0:
    case 1:
      return {
        ...base,
        method: 'GET',
        path: '/v1/partners/wallet/balance',
        endpoint: 'GET /v1/partners/wallet/balance',
        httpStatus: 200,
        outcome: 'ok',
        failure: null,
        requestBody: null,
        responseJson: { balance: 1_000_000 - i, currency: 'INR', lowBalanceThreshold: 50_000 },
        orderId: null,
        referenceId: null,
        orderStatus: null,
        amount: null,
      };
    case 2:
      return {
        ...base,
        method: 'GET',
        path: `${ORDERS}/${orderId}`,
        endpoint: `GET ${ORDERS}/:orderId`,
        httpStatus: 200,
        outcome: 'ok',
        failure: null,
        requestBody: null,
        responseJson: { id: orderId, referenceId, status: 'SUCCESS', vouchers: [voucher(i)], failureReason: null },
        orderId,
        referenceId,
        orderStatus: 'SUCCESS',
        amount: 500,
      };
    case 3:
      return {
        ...base,
        method: 'POST',
        path: ORDERS,
        endpoint: `POST ${ORDERS}`,
        httpStatus: 200,
        outcome: 'ok',
        failure: null,
        requestBody: {
          productId: '01GMDSJRDR9H4C7X0E2JBZXE4R',
          referenceId,
          amount: 500,
          denominationDetails: [{ denomination: 500, quantity: 1 }],
          customerDetails: { name: 'Asha', phoneNumber: '9876543210', email: 'asha@example.com' },
        },
        responseJson: { id: orderId, referenceId, status: 'SUCCESS', vouchers: [voucher(i)], failureReason: null },
        orderId,
        referenceId,
        orderStatus: 'SUCCESS',
        amount: 500,
      };
    default:
      return {
        ...base,
        method: 'POST',
        path: ORDERS,
        endpoint: `POST ${ORDERS}`,
        httpStatus: 400,
        outcome: 'failed',
        requestBody: {
          productId: '01GMDSJRDR9H4C7X0E2JBZXE4R',
          referenceId,
          amount: 500,
          denominationDetails: [{ denomination: 500, quantity: 1 }],
        },
        responseJson: { id: 'E300', code: 'INSUFFICIENT_BALANCE', message: 'Insufficient wallet balance', requestId },
        failure: {
          kind: 'business',
          requestId,
          method: 'POST',
          path: ORDERS,
          httpStatus: 400,
          errorId: 'E300',
          errorCode: 'INSUFFICIENT_BALANCE',
          hubbleMessage: 'Insufficient wallet balance',
          serverRequestId: requestId,
          title: 'Insufficient wallet balance (E300)',
          explanation: 'Insufficient wallet balance',
          nextStep: 'Top up the wallet.',
          transient: false,
          timeoutPhase: null,
          detail: null,
        },
        orderId: null,
        referenceId,
        orderStatus: null,
        amount: 500,
      };
  }
}
