import type { HubbleApi } from '../../shared/contract/index.ts';
import type { Result } from '../../shared/contract/result.ts';

declare global {
  interface Window {
    readonly hubble: HubbleApi;
  }
}

/** The renderer's only way out: the contract the preload exposes. No fetch, no Node. */
export const hubble = (): HubbleApi => window.hubble;

/** Unwraps a contract result for code that shows failures through an error boundary or a store. */
export class OperationError extends Error {
  readonly kind: string;
  readonly details: unknown;
  constructor(kind: string, message: string, details?: unknown) {
    super(message);
    this.kind = kind;
    this.details = details;
  }
}

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new OperationError(result.error.kind, result.error.message, result.error.details);
}
