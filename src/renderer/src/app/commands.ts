import { listChannels } from '../../../shared/contract/index.ts';
import type { ProfileList } from '../../../shared/contract/profiles.ts';
import { useCatalog } from '../features/catalog/catalog-store.ts';
import { useOrders } from '../features/orders/orders-store.ts';
import { useProfiles } from '../features/profiles/profiles-store.ts';
import { useReceived } from '../features/webhooks/received-store.ts';
import { useWebhooksTab } from '../features/webhooks/webhooks-tab-store.ts';
import { areas } from './area-registry.tsx';
import { useNavigation } from './navigation-store.ts';
import { usePalette } from './palette-store.ts';

/** One thing the palette can do. `run` is absent when the operation behind it is not built yet. */
export interface PaletteCommand {
  id: string;
  label: string;
  hint: string;
  /** words that also find it (not shown) */
  keywords?: string;
  /** the contract operation it needs; a command whose operation is missing is shown disabled, never faked */
  operation?: string;
  run?: () => void;
}

const ENVIRONMENT_NAMES = { simulator: 'simulated', staging: 'staging', production: 'PRODUCTION', custom: 'custom' };

/**
 * Actions that other issues will build. Each names the operation it will call; tests/dom/palette-commands.test.tsx
 * fails as soon as that operation appears in the contract, so the command gets wired instead of staying greyed.
 * (Empty now: importing logs and the webhook receiver are built.)
 */
export const NOT_BUILT_ACTIONS: readonly { id: string; label: string; operation: string; keywords: string }[] = [];

const built = (operation: string) => listChannels().includes(operation);

/** Every command the palette offers right now, from the area registry, the profile list and the contract. */
export function paletteCommands(profiles: ProfileList | null): PaletteCommand[] {
  const goTo = useNavigation.getState().goTo;
  const areaCommands: PaletteCommand[] = areas.map((area, index) => ({
    id: `area-${area.id}`,
    label: `Go to ${area.label}`,
    hint: area.ready ? area.purpose : `${area.purpose} (not built yet)`,
    keywords: `page ${index + 1}`,
    run: () => goTo(area.id),
  }));
  const switchCommands: PaletteCommand[] = (profiles?.profiles ?? [])
    .filter((profile) => profile.id !== profiles?.activeProfileId)
    .map((profile) => ({
      id: `switch-${profile.id}`,
      label: `Switch profile to ${profile.name}`,
      hint: `Work on ${profile.name} (${ENVIRONMENT_NAMES[profile.environment]})`,
      keywords: 'profile environment change',
      operation: 'profiles.setActive',
      run: () => void useProfiles.getState().setActive(profile.id),
    }));
  const actions: PaletteCommand[] = [
    {
      id: 'place-order',
      label: 'Place an order…',
      hint: 'Open the new-order form on the Orders page',
      keywords: 'new buy voucher gift card',
      operation: 'orders.place',
      run: () => {
        goTo('orders');
        useOrders.getState().startNewOrder();
      },
    },
    {
      id: 'sync-catalog',
      label: 'Sync catalog now',
      hint: 'Fetch the brands and products from Hubble now, on the Catalog page',
      keywords: 'brands products refresh',
      operation: 'catalog.syncNow',
      run: () => {
        goTo('catalog');
        void useCatalog.getState().syncNow();
      },
    },
    {
      id: 'run-go-live',
      label: 'Run the Go-Live checklist',
      hint: 'Check a production profile against Hubble’s pre-launch checklist, on the Go-Live page',
      keywords: 'production launch',
      operation: 'goLive.run',
      run: () => goTo('go-live'),
    },
    {
      id: 'import-logs',
      label: 'Import call logs…',
      hint: "Import your backend's log of Hubble calls (JSON lines or CSV), on the Webhooks page",
      keywords: 'jsonl csv partner backend follow tail',
      operation: 'logImport.start',
      run: () => {
        goTo('webhooks');
        useWebhooksTab.getState().setTab('import');
      },
    },
    {
      id: 'toggle-receiver',
      label: 'Start or stop the webhook receiver',
      hint: "Turn the active profile's local webhook receiver on or off, on the Webhooks page",
      keywords: 'listen port inbound received',
      operation: 'receiver.status',
      run: () => {
        goTo('webhooks');
        useWebhooksTab.getState().setTab('received');
        void useReceived.getState().toggleEnabled();
      },
    },
    {
      id: 'shortcuts',
      label: 'Keyboard shortcuts',
      hint: 'Every key the console answers to (?)',
      keywords: 'help keys',
      run: () => usePalette.getState().showShortcuts(),
    },
    ...NOT_BUILT_ACTIONS.map((action) => ({ ...action, hint: 'Not built yet' })),
  ];
  // An operation that disappears from the contract takes its command's action with it.
  return [...areaCommands, ...switchCommands, ...actions].map((command) =>
    command.operation && !built(command.operation) ? { ...command, run: undefined, hint: 'Not built yet' } : command,
  );
}
