/** Hosts the console may open in the OS browser: Hubble's own sites only, over https. */
export const EXTERNAL_HOST_ALLOWLIST = ['myhubble.money', 'docs.myhubble.money', 'api-docs.myhubble.money'] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return (EXTERNAL_HOST_ALLOWLIST as readonly string[]).includes(url.hostname);
}
