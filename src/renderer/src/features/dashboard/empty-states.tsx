import { useNavigation } from '../../app/navigation-store.ts';
import { GoButton } from '../../components/GoButton.tsx';
import { useProfiles } from '../profiles/profiles-store.ts';
import { useWebhooksTab } from '../webhooks/webhooks-tab-store.ts';
import { EmptyState } from '../../components/Panel.tsx';

/** Opens Webhooks on its "Import logs" tab: past calls from the partner's own logs fill the panels too. */
function ImportLogsButton() {
  const goTo = useNavigation((state) => state.goTo);
  return (
    <button
      type="button"
      className="link-button"
      onClick={() => {
        useWebhooksTab.getState().setTab('import');
        goTo('webhooks');
      }}
    >
      import your API logs
    </button>
  );
}

const useIsSimulator = () => useProfiles((state) => state.active()?.environment === 'simulator');

/** No call in this profile's log yet: how to get some. */
export function NoCallsYet() {
  const simulator = useIsSimulator();
  return (
    <EmptyState>
      <p>No Hubble calls recorded for this profile yet.</p>
      <p>
        {simulator ? (
          <>
            Use <strong>Generate sample traffic</strong> on the <GoButton area="calls">Calls page</GoButton>, place
            orders on <GoButton area="orders">Orders</GoButton>, or <ImportLogsButton />.
          </>
        ) : (
          <>
            Every call this console makes is counted here: place an order on <GoButton area="orders">Orders</GoButton>,
            sync the catalog, or <ImportLogsButton />.
          </>
        )}
      </p>
    </EmptyState>
  );
}

/** No order in this profile yet. */
export function NoOrdersYet() {
  return (
    <EmptyState>
      <p>No orders placed from this profile yet.</p>
      <p>
        Orders placed on <GoButton area="orders">Orders</GoButton> (one by one or as a batch) are counted here by status
        and amount.
      </p>
    </EmptyState>
  );
}

/** No wallet sample yet. */
export function NoWalletSamplesYet() {
  return (
    <EmptyState>
      <p>No wallet balance has been read for this profile yet.</p>
      <p>
        The console reads it on a schedule and after each order; <strong>Sample now</strong> on the{' '}
        <GoButton area="wallet">Wallet page</GoButton> reads it at once.
      </p>
    </EmptyState>
  );
}

/** A panel over the orders: why it has nothing to draw, or undefined when some bucket of the range has orders. */
export function noOrdersToDraw(ordersRecorded: boolean, bucketsWithOrders: number) {
  if (!ordersRecorded) return <NoOrdersYet />;
  return bucketsWithOrders === 0 ? <EmptyState>No orders were placed in this range.</EmptyState> : undefined;
}
