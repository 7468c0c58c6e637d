import type { TimeoutPhase } from '../../shared/hubble/failure.ts';

export interface TransportProblem {
  kind: 'timeout' | 'network' | 'invalid-response';
  timeoutPhase: TimeoutPhase | null;
  /** the request certainly never reached Hubble (no connection was made), so nothing can have happened */
  notSent: boolean;
  detail: string;
}

const NOT_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'ERR_INVALID_URL',
  'UND_ERR_INVALID_ARG',
]);

const codeOf = (error: unknown): string => {
  if (!error || typeof error !== 'object') return '';
  const direct = (error as { code?: unknown }).code;
  if (typeof direct === 'string' && direct) return direct;
  const nested =
    (error as { cause?: unknown; errors?: unknown[] }).cause ?? (error as { errors?: unknown[] }).errors?.[0];
  return nested && nested !== error ? codeOf(nested) : '';
};

/** Maps an undici / socket error to the taxonomy, and says whether the request can have been sent. */
export function classifyTransportError(error: unknown): TransportProblem {
  const code = codeOf(error);
  const message = error instanceof Error ? error.message : String(error);
  const detail = `${code || 'error'}: ${message}`.slice(0, 300);
  switch (code) {
    case 'UND_ERR_CONNECT_TIMEOUT':
      return { kind: 'timeout', timeoutPhase: 'connect', notSent: true, detail };
    case 'UND_ERR_HEADERS_TIMEOUT':
      return { kind: 'timeout', timeoutPhase: 'headers', notSent: false, detail };
    case 'UND_ERR_BODY_TIMEOUT':
      return { kind: 'timeout', timeoutPhase: 'body', notSent: false, detail };
    case 'UND_ERR_RES_EXCEEDED_MAX_SIZE':
      return { kind: 'invalid-response', timeoutPhase: null, notSent: false, detail };
    default:
      return { kind: 'network', timeoutPhase: null, notSent: NOT_CONNECTED.has(code), detail };
  }
}
