import type { HubbleFailure } from '../../../src/shared/hubble/failure.ts';

export const failure = (overrides: Partial<HubbleFailure>): HubbleFailure => ({
  kind: 'business',
  requestId: 'r',
  method: 'POST',
  path: '/v1/partners/orders',
  httpStatus: 400,
  errorId: null,
  errorCode: null,
  hubbleMessage: null,
  serverRequestId: null,
  title: 'title',
  explanation: 'explanation',
  nextStep: 'next',
  transient: false,
  timeoutPhase: null,
  detail: null,
  ...overrides,
});
