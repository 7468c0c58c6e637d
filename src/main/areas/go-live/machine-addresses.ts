import os from 'node:os';
import type { NetworkAddress } from '../../../shared/contract/profiles.ts';

/**
 * This machine's own addresses, for what to send Hubble when a call is refused with 403. Loopback and IPv6
 * link-local addresses are left out: Hubble can never see them.
 */
export function machineAddresses(interfaces = os.networkInterfaces()): NetworkAddress[] {
  const found: NetworkAddress[] = [];
  for (const [name, addresses] of Object.entries(interfaces)) {
    for (const address of addresses ?? []) {
      if (address.internal || address.address.toLowerCase().startsWith('fe80:')) continue;
      found.push({ interface: name, address: address.address, family: address.family === 'IPv6' ? 'IPv6' : 'IPv4' });
    }
  }
  return found;
}
