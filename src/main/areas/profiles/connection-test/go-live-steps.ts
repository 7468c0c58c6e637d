/** What Hubble's Go Live page asks partners to check when requests get 403 (IP whitelisting). */
export const WHITELISTING_STEPS: readonly string[] = [
  'Share this machine’s static outgoing IP address with Hubble and add it in the integration portal.',
  'Production IPs are whitelisted separately from staging: whitelist this IP for this environment too.',
  'Confirm the server’s IP has not changed since the initial setup.',
  'Check that no VPN or proxy routes the traffic through a different IP.',
  'Confirm the outgoing IP matches exactly what was shared with Hubble (behind a router or NAT, the public IP differs from the addresses listed here; ask your network admin).',
  'If your infrastructure uses dynamic IPs, tell Hubble: whitelisting is then not required (as on staging).',
];
