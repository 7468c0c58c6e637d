/** Every area of the console (DESIGN.md §3), in sidebar order. `ready` is false until its page lands. */
export const areas = [
  {
    id: 'dashboard',
    label: 'Dashboard',
    ready: true,
    purpose: 'Order success rate, errors, latency, wallet runway and rate-limit usage.',
  },
  {
    id: 'orders',
    label: 'Orders',
    ready: false,
    purpose: 'Place and look up orders; recover unknown outcomes by referenceId.',
  },
  { id: 'catalog', label: 'Catalog', ready: false, purpose: 'Browse and sync brands, see what changed.' },
  { id: 'wallet', label: 'Wallet', ready: false, purpose: 'Balance trend and hours until the wallet runs out (E300).' },
  {
    id: 'calls',
    label: 'Calls',
    ready: true,
    purpose: 'Every Hubble call, found by X-REQUEST-ID, orderId or referenceId.',
  },
  { id: 'webhooks', label: 'Webhooks', ready: true, purpose: 'Signature debugger and the local webhook receiver.' },
  { id: 'alerts', label: 'Alerts', ready: false, purpose: 'Threshold alerts and their acknowledgement.' },
  {
    id: 'profiles',
    label: 'Profiles',
    ready: true,
    purpose: 'Simulator, staging, production and custom environments.',
  },
  {
    id: 'go-live',
    label: 'Go-Live',
    ready: false,
    purpose: "Hubble's pre-launch checklist, checked against this profile.",
  },
] as const;

export type AreaId = (typeof areas)[number]['id'];

export const isAreaId = (value: string): value is AreaId => areas.some((area) => area.id === value);
