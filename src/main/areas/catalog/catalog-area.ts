import path from 'node:path';
import { defineArea } from '../define-area.ts';
import { applyBrandWebhook } from './brand-webhook.ts';
import { createCatalogHandlers } from './catalog-handlers.ts';
import { createCatalogService } from './catalog-service.ts';
import { LogoCache } from './logo-cache.ts';

/** catalog.*: the scheduled sync with its diff, brand search and detail, what changed, and cached logos. */
export const catalogArea = defineArea({
  name: 'catalog',
  create: (kernel) => {
    const logos = new LogoCache({ dir: path.join(kernel.dataDir, 'logos'), now: kernel.clock.now });
    const pruneLogos = () => logos.prune(kernel.profiles.all().map((profile) => profile.id));
    pruneLogos();
    const stopPruning = kernel.profiles.onChanged(pruneLogos);
    const service = createCatalogService({
      jobs: kernel.jobs,
      logos,
      now: () => kernel.clock.now(),
      onProfilesChanged: (listener) => kernel.profiles.onChanged(listener),
    });
    const handlers = createCatalogHandlers(service, () => kernel.scopes.get(kernel.active.id()));
    // Brand Updated, Brand Discount and the SDK brand events change the catalog at once (source "webhook"); a
    // brand the catalog does not hold yet asks for a sync instead.
    const brandEvents = new Set([
      'brand-updated',
      'brand-discount-update',
      'sdk-new-brand-created',
      'sdk-brand-disabled',
      'sdk-user-discount-updated',
      'sdk-partner-discount-updated',
    ]);
    const stopApplying = kernel.domain.on('webhook.verified', (event) => {
      if (!event.type || !brandEvents.has(event.type)) return null;
      const result = applyBrandWebhook(kernel.scopes.get(event.profileId), event.payload, event.receivedAt);
      if (result.needsSync) kernel.jobs.request(event.profileId, 'catalog.sync');
      return result.applied ? `brand ${result.brandId}: ${result.changes.length} change(s)` : null;
    });
    return {
      handlers: { catalog: handlers },
      perProfile: (scope) => service.addSyncJob(scope),
      close: () => {
        stopPruning();
        stopApplying();
      },
    };
  },
});
