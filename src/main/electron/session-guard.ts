/** The subset of Electron's Session the guard needs. */
export interface GuardableSession {
  setPermissionRequestHandler(
    handler: (webContents: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (...args: unknown[]) => boolean): void;
}

/** The console needs no browser permission (camera, geolocation, notifications go through main): deny all. */
export function denyAllPermissions(session: GuardableSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** A certificate error is never overridden: Hubble calls and every page load fail closed. */
export function rejectCertificateErrors(event: { preventDefault(): void }, callback: (trusted: boolean) => void): void {
  event.preventDefault();
  callback(false);
}
