import type { AppErrorShape, ErrorKind } from '../../shared/contract/result.ts';

/** A failure a service reports on purpose; its kind and message reach the renderer as they are. */
export class AppError extends Error {
  readonly kind: ErrorKind;
  readonly details: unknown;

  constructor(kind: ErrorKind, message: string, details?: unknown) {
    super(message);
    this.name = 'AppError';
    this.kind = kind;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { kind: this.kind, message: this.message }
      : { kind: this.kind, message: this.message, details: this.details };
  }
}
