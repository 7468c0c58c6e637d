/**
 * Every failure the simulator can answer, in Hubble's error body shape. Ids and codes the docs give are used as
 * given (E001, E100–E157, E300, E400); the others are the simulator's own choices, listed in docs/simulator.md,
 * and every one can be overridden (id, code, message, HTTP status) through the `errors` config switch.
 */
export interface ErrorSpec {
  id: string;
  code: string;
  status: number;
  message: string;
}

export const ERROR_CATALOGUE = {
  RESOURCE_NOT_FOUND: {
    id: 'E001',
    code: 'RESOURCE_NOT_FOUND',
    status: 404,
    message: 'Requested resource is not found',
  },
  BAD_REQUEST: { id: 'E002', code: 'BAD_REQUEST', status: 400, message: 'Request validation failed' },
  UNAUTHORIZED: { id: 'E003', code: 'UNAUTHORIZED', status: 401, message: 'Unauthorized' },
  FORBIDDEN: { id: 'E004', code: 'FORBIDDEN', status: 403, message: 'Invalid Access' },
  METHOD_NOT_ALLOWED: { id: 'E005', code: 'METHOD_NOT_ALLOWED', status: 405, message: 'Method not allowed' },
  PAYLOAD_TOO_LARGE: { id: 'E006', code: 'PAYLOAD_TOO_LARGE', status: 413, message: 'Request body is too large' },
  UNSUPPORTED_MEDIA_TYPE: {
    id: 'E007',
    code: 'UNSUPPORTED_MEDIA_TYPE',
    status: 415,
    message: 'Content-Type must be application/json',
  },
  DUPLICATE_REFERENCE_ID: {
    id: 'E008',
    code: 'DUPLICATE_REFERENCE_ID',
    status: 409,
    message: 'An order with this referenceId already exists',
  },
  BRAND_TEMPORARILY_DISABLED: {
    id: 'E100',
    code: 'BRAND_TEMPORARILY_DISABLED',
    status: 400,
    message: 'Brand is temporarily disabled, please try again later',
  },
  BRAND_NOT_ENABLED: {
    id: 'E101',
    code: 'BRAND_NOT_ENABLED',
    status: 400,
    message: 'Brand is not enabled for this partner',
  },
  BRAND_NOT_ACTIVE: { id: 'E102', code: 'BRAND_NOT_ACTIVE', status: 400, message: 'Brand is not active' },
  DENOMINATION_NOT_AVAILABLE: {
    id: 'E150',
    code: 'DENOMINATION_NOT_AVAILABLE',
    status: 400,
    message: 'Denomination is not available for this brand',
  },
  AMOUNT_MISMATCH: {
    id: 'E151',
    code: 'AMOUNT_MISMATCH',
    status: 400,
    message: 'Order amount does not match the total of the denominations',
  },
  MAX_DENOMINATION_EXCEEDED: {
    id: 'E152',
    code: 'MAX_DENOMINATION_EXCEEDED',
    status: 400,
    message: 'Maximum denomination limit exceeded',
  },
  TOO_MANY_DENOMINATIONS: {
    id: 'E153',
    code: 'TOO_MANY_DENOMINATIONS',
    status: 400,
    message: 'Too many denominations in one order',
  },
  TOO_MANY_VOUCHERS_PER_DENOMINATION: {
    id: 'E154',
    code: 'TOO_MANY_VOUCHERS_PER_DENOMINATION',
    status: 400,
    message: 'Too many vouchers for one denomination',
  },
  VOUCHER_AMOUNT_OUT_OF_RANGE: {
    id: 'E155',
    code: 'VOUCHER_AMOUNT_OUT_OF_RANGE',
    status: 400,
    message: 'Voucher amount is outside the allowed range',
  },
  TOO_MANY_VOUCHERS: { id: 'E156', code: 'TOO_MANY_VOUCHERS', status: 400, message: 'Too many vouchers in one order' },
  INVALID_DENOMINATION: {
    id: 'E157',
    code: 'INVALID_DENOMINATION',
    status: 400,
    message: 'Invalid denomination details',
  },
  ORDER_AMOUNT_OUT_OF_RANGE: {
    id: 'E158',
    code: 'ORDER_AMOUNT_OUT_OF_RANGE',
    status: 400,
    message: 'Order amount is outside the allowed range for this brand',
  },
  INSUFFICIENT_BALANCE: {
    id: 'E300',
    code: 'INSUFFICIENT_BALANCE',
    status: 400,
    message: 'Insufficient wallet balance',
  },
  RATE_LIMIT_EXCEEDED: {
    id: 'E400',
    code: 'RATE_LIMIT_EXCEEDED',
    status: 400,
    message: 'Brand is temporarily unavailable, please try again later',
  },
  INTERNAL_SERVER_ERROR: {
    id: 'E500',
    code: 'INTERNAL_SERVER_ERROR',
    status: 500,
    message: 'Something went wrong, please try again',
  },
  SERVICE_UNAVAILABLE: {
    id: 'E503',
    code: 'SERVICE_UNAVAILABLE',
    status: 503,
    message: 'Service temporarily unavailable',
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorKey = keyof typeof ERROR_CATALOGUE;
export const ERROR_KEYS = Object.keys(ERROR_CATALOGUE) as ErrorKey[];

export interface SubError {
  fieldName: string;
  message: string;
  debugMessage?: string;
}

export interface HubbleErrorBody {
  id: string;
  code: string;
  message: string;
  requestId: string;
  debugMessage?: string;
  subErrors?: SubError[];
}

/** Thrown anywhere below a route; the server turns it into the error body and status. */
export class SimError extends Error {
  readonly key: ErrorKey;
  readonly debugMessage: string | undefined;
  readonly subErrors: SubError[] | undefined;
  readonly statusOverride: number | undefined;

  constructor(key: ErrorKey, details: { debugMessage?: string; subErrors?: SubError[]; status?: number } = {}) {
    super(details.debugMessage ?? key);
    this.key = key;
    this.debugMessage = details.debugMessage;
    this.subErrors = details.subErrors;
    this.statusOverride = details.status;
  }
}

export type ErrorOverrides = Partial<Record<string, Partial<ErrorSpec>>>;

export function resolveError(key: ErrorKey, overrides: ErrorOverrides): ErrorSpec {
  return { ...ERROR_CATALOGUE[key], ...overrides[key] };
}

export function errorBody(
  error: SimError,
  requestId: string,
  overrides: ErrorOverrides,
): { status: number; body: HubbleErrorBody } {
  const spec = resolveError(error.key, overrides);
  const body: HubbleErrorBody = { id: spec.id, code: spec.code, message: spec.message, requestId };
  if (error.debugMessage !== undefined) body.debugMessage = error.debugMessage;
  if (error.subErrors !== undefined && error.subErrors.length > 0) body.subErrors = error.subErrors;
  return { status: error.statusOverride ?? spec.status, body };
}

/** 405, carrying the methods the path does accept (sent as the Allow header). */
export class MethodNotAllowed extends SimError {
  readonly allowed: string[];

  constructor(allowed: string[]) {
    super('METHOD_NOT_ALLOWED', { debugMessage: `Allowed: ${allowed.join(', ')}` });
    this.allowed = allowed;
  }
}
