import { isTrustedOrigin } from '../security/app-origin.ts';
import { isAllowedExternalUrl } from '../security/external-links.ts';

/** The subset of Electron's WebContents the guard needs (kept structural so tests pass a fake). */
export interface GuardableWebContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: { preventDefault(): void; url?: string }, url?: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardPolicy {
  trustedOrigins: readonly string[];
  openExternal(url: string): void;
}

/**
 * Applied to every webContents the app creates: no navigation away from our origin, no new windows
 * (allowlisted https links go to the OS browser instead), no <webview>.
 */
export function guardWebContents(contents: GuardableWebContents, policy: GuardPolicy): void {
  const blockForeignNavigation = (event: { preventDefault(): void; url?: string }, url?: string) => {
    const target = url ?? event.url ?? '';
    if (!isTrustedOrigin(target, policy.trustedOrigins)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeignNavigation);
  contents.on('will-redirect', blockForeignNavigation);
  contents.on('will-frame-navigate', blockForeignNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) policy.openExternal(url);
    return { action: 'deny' };
  });
}
