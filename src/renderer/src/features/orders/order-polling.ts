/**
 * How often an open order that is not settled yet is read again from this console's store. Main does the asking
 * (the PROCESSING watcher polls Hubble with backoff, the recovery job resolves unknown outcomes by referenceId),
 * so the renderer never adds Hubble traffic of its own; "Check status with Hubble" asks at once on request.
 */
export const OPEN_ORDER_RELOAD_MS = 3_000;
