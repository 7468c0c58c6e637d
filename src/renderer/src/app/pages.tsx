import type { ReactElement } from 'react';
import { CallsPage } from '../features/calls/CallsPage.tsx';
import { DashboardPage } from '../features/dashboard/DashboardPage.tsx';
import { ProfilesPage } from '../features/profiles/ProfilesPage.tsx';
import { WebhooksPage } from '../features/webhooks/WebhooksPage.tsx';
import type { AreaId } from './areas.ts';

/** The page component of each area that has one; the others show NotBuiltYet. */
export const pages: Partial<Record<AreaId, () => ReactElement>> = {
  dashboard: DashboardPage,
  calls: CallsPage,
  profiles: ProfilesPage,
  webhooks: WebhooksPage,
};
