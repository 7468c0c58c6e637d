import type { ComponentType } from 'react';
import type { AreaPageProps } from '../components/NotBuiltYet.tsx';
import { AlertsPage } from '../features/alerts/AlertsPage.tsx';
import { CallsPage } from '../features/calls/CallsPage.tsx';
import { CatalogPage } from '../features/catalog/CatalogPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { GoLivePage } from '../features/go-live/GoLivePage.tsx';
import { OrdersPage } from '../features/orders/OrdersPage.tsx';
import { ProfilesPage } from '../features/profiles/ProfilesPage.tsx';
import { TeamPage } from '../features/team/TeamPage.tsx';
import { WalletPage } from '../features/wallet/WalletPage.tsx';
import { WebhooksPage } from '../features/webhooks/WebhooksPage.tsx';
import { AREA_IDS, type AreaId } from './area-ids.ts';

export interface Area {
  id: AreaId;
  label: string;
  /** one line: what the area is for, shown in the palette and on its not-built page */
  purpose: string;
  /** false until the area does what its purpose says; its Page then says plainly that it is not built */
  ready: boolean;
  Page: ComponentType<AreaPageProps>;
}

type Entry = Omit<Area, 'id'>;

/** One entry per area; the sidebar, Ctrl/Cmd+1…9, the palette and the router all read this. */
const entries: Record<AreaId, Entry> = {
  dashboard: {
    label: 'Dashboard',
    purpose: 'Order success rate, errors, latency, wallet runway and rate-limit usage.',
    ready: true,
    Page: DashboardPage,
  },
  orders: {
    label: 'Orders',
    purpose: 'Place and look up orders; recover unknown outcomes by referenceId.',
    ready: true,
    Page: OrdersPage,
  },
  catalog: {
    label: 'Catalog',
    purpose: 'Browse and sync brands, see what changed.',
    ready: true,
    Page: CatalogPage,
  },
  wallet: {
    label: 'Wallet',
    purpose: 'Balance trend and hours until the wallet runs out (E300).',
    ready: true,
    Page: WalletPage,
  },
  calls: {
    label: 'Calls',
    purpose: 'Every Hubble call, found by X-REQUEST-ID, orderId or referenceId.',
    ready: true,
    Page: CallsPage,
  },
  webhooks: {
    label: 'Webhooks',
    purpose: 'Signature debugger and the local webhook receiver.',
    ready: true,
    Page: WebhooksPage,
  },
  alerts: {
    label: 'Alerts',
    purpose: 'Threshold alerts and their acknowledgement.',
    ready: true,
    Page: AlertsPage,
  },
  profiles: {
    label: 'Profiles',
    purpose: 'Simulator, staging, production and custom environments.',
    ready: true,
    Page: ProfilesPage,
  },
  'go-live': {
    label: 'Go-Live',
    purpose: "Hubble's pre-launch checklist, checked against a production profile (or rehearsed on staging).",
    ready: true,
    Page: GoLivePage,
  },
  team: {
    label: 'Team',
    purpose: 'Share this profile’s history with every operator’s console through the team’s PostgreSQL.',
    ready: true,
    Page: TeamPage,
  },
};

/** In sidebar order. */
export const areas: readonly Area[] = AREA_IDS.map((id) => ({ id, ...entries[id] }));

export const areaById = (id: AreaId): Area => ({ id, ...entries[id] });
