/**
 * The proxy this machine is configured for, as host:port only (a proxy URL may carry a user and password).
 * The console connects to Hubble directly, so a network that only lets traffic out through this proxy
 * fails in ways that look like DNS, timeouts or refused connections.
 */
export function configuredProxy(env: NodeJS.ProcessEnv = process.env): string | null {
  const raw =
    env['HTTPS_PROXY'] ??
    env['https_proxy'] ??
    env['HTTP_PROXY'] ??
    env['http_proxy'] ??
    env['ALL_PROXY'] ??
    env['all_proxy'];
  if (!raw) return null;
  try {
    return new URL(raw).host || 'configured';
  } catch {
    return 'configured';
  }
}
