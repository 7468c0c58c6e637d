import type { z } from 'zod';
import type { catalogOperations } from '../../../shared/contract/catalog.ts';
import type { CallContext } from '../../ipc/router.ts';
import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import type { CatalogService } from './catalog-service.ts';

type Operations = typeof catalogOperations;

/** The catalog.* handlers; the same shape as `Handlers['catalog']` once the contract lists the area. */
export type CatalogHandlers = {
  [K in keyof Operations]: (
    input: z.output<Operations[K]['input']>,
    ctx: CallContext,
  ) => Promise<z.input<Operations[K]['output']>> | z.input<Operations[K]['output']>;
};

/** Every operation works on the active profile's catalog. */
export function createCatalogHandlers(service: CatalogService, activeScope: () => ProfileScope): CatalogHandlers {
  return {
    status: () => service.status(activeScope()),
    search: (query) => service.search(activeScope(), query),
    brand: ({ brandId }) => service.brand(activeScope(), brandId),
    changes: (input) => service.changes(activeScope(), input),
    syncs: ({ limit }) => service.syncs(activeScope(), limit),
    syncNow: () => service.syncNow(activeScope()),
    cancelSync: () => service.cancelSync(activeScope()),
    setSchedule: ({ schedule }) => service.setSchedule(activeScope(), schedule),
    logo: ({ brandId }) => service.logo(activeScope(), brandId),
  };
}
