import { isTrustedOrigin } from './app-origin.ts';

export interface SenderFrameLike {
  readonly url: string;
  /** null when the frame is the top-level frame of its page */
  readonly parent: unknown | null;
}

/**
 * IPC is only served to our own top-level frame at our own origin: an iframe, a navigated-away page or a
 * destroyed frame (null) gets nothing, whatever channel it names.
 */
export function isTrustedSender(frame: SenderFrameLike | null | undefined, trustedOrigins: readonly string[]): boolean {
  if (!frame) return false;
  if (frame.parent !== null) return false;
  return isTrustedOrigin(frame.url, trustedOrigins);
}
