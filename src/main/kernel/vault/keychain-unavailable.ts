import { AppError } from '../../errors/app-error.ts';

export const keychainNameFor = (platform: NodeJS.Platform): string =>
  platform === 'darwin'
    ? 'macOS Keychain'
    : platform === 'win32'
      ? 'Windows Credential Manager'
      : 'Secret Service (GNOME Keyring / KWallet)';

const remedyFor = (platform: NodeJS.Platform): string => {
  if (platform === 'darwin') {
    return 'Open Keychain Access, unlock your login keychain, and allow Hubble Ops Console when macOS asks for access; then try again.';
  }
  if (platform === 'win32') {
    return 'Check that Windows Credential Manager works for your user account (Control Panel → Credential Manager → Windows Credentials); then try again.';
  }
  return (
    'Install and unlock a keyring that offers the Secret Service API: GNOME Keyring (package gnome-keyring, ' +
    'unlocked at login) or KWallet with its Secret Service enabled. It needs a D-Bus session ' +
    '(DBUS_SESSION_BUS_ADDRESS); on a headless machine start one with dbus-run-session and unlock the keyring ' +
    'with gnome-keyring-daemon --unlock. Then try again.'
  );
};

/**
 * The one answer to any keychain failure. The console fails closed: without a working keychain the secret
 * is not stored at all, never written to a file instead.
 */
export function keychainUnavailable(platform: NodeJS.Platform, cause: unknown): AppError {
  const keychain = keychainNameFor(platform);
  const reason = cause instanceof Error ? cause.message : String(cause);
  return new AppError(
    'KEYCHAIN_UNAVAILABLE',
    `The OS keychain (${keychain}) is not available, so the console did not store or read the secret; it never keeps secrets in a file. ${remedyFor(platform)}`,
    { platform, keychain, cause: reason.slice(0, 300) },
  );
}
