import { randomUUID } from 'node:crypto';

/** A referenceId for a new order: 32 hex characters (Hubble allows 40), unique without coordination. */
export const newReferenceId = (): string => randomUUID().replaceAll('-', '');
