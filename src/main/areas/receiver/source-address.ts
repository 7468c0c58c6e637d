import net from 'node:net';

/** Hubble's published production egress addresses (hubble-api.md §8.1, seeds). */
export const HUBBLE_SOURCE_ADDRESSES: readonly string[] = ['35.200.156.199', '34.47.147.244', '34.14.138.52'];

/** `::ffff:1.2.3.4` (an IPv4 peer on a dual-stack socket) is 1.2.3.4. */
export function normaliseAddress(address: string | undefined): string {
  if (!address) return 'unknown';
  const trimmed = address.trim();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  return mapped ? mapped[1]! : trimmed.toLowerCase();
}

/**
 * The address a delivery came from. X-Forwarded-For is believed only when the peer is a configured proxy, and
 * then only its right-most entry that is not itself a trusted proxy: every entry left of that was written by
 * the sender and could claim to be Hubble.
 */
export function sourceAddressOf(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: readonly string[],
): string {
  const direct = normaliseAddress(peer);
  if (!trustedProxies.includes(direct) || forwardedFor === undefined) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((hop) => normaliseAddress(hop))
    .filter((hop) => hop.length > 0);
  for (let at = hops.length - 1; at >= 0; at -= 1) {
    const hop = hops[at]!;
    if (!net.isIP(hop)) return direct;
    if (!trustedProxies.includes(hop)) return hop;
  }
  return direct;
}
