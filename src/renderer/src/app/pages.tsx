import type { ReactElement } from 'react';
import { CallsPage } from '../pages/calls/CallsPage.tsx';
import { DashboardPage } from '../pages/DashboardPage.tsx';
import { ProfilesPage } from '../pages/ProfilesPage.tsx';
import { WebhooksPage } from '../pages/webhooks/WebhooksPage.tsx';
import type { AreaId } from './areas.ts';

/** The page component of each area that has one; the others show NotBuiltYet. */
export const pages: Partial<Record<AreaId, () => ReactElement>> = {
  dashboard: DashboardPage,
  calls: CallsPage,
  profiles: ProfilesPage,
  webhooks: WebhooksPage,
};
