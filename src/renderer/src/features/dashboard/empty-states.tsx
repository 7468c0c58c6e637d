import { useNavigation } from '../../app/navigation-store.ts';
import { useProfiles } from '../profiles/profiles-store.ts';
import { EmptyState } from './Panel.tsx';

function GoButton({
  area,
  children,
}: {
  area: 'calls' | 'orders' | 'webhooks' | 'profiles' | 'wallet';
  children: string;
}) {
  const goTo = useNavigation((state) => state.goTo);
  return (
    <button type="button" className="link-button" onClick={() => goTo(area)}>
      {children}
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
            On the Simulator, use <strong>Generate sample traffic</strong> on the{' '}
            <GoButton area="calls">Calls page</GoButton>, or place orders on <GoButton area="orders">Orders</GoButton>.
          </>
        ) : (
          <>
            Every call this console makes is counted here: sync the catalog or place an order on{' '}
            <GoButton area="orders">Orders</GoButton>.
          </>
        )}
      </p>
    </EmptyState>
  );
}

/** No order in this profile yet. */
export function NoOrdersYet() {
  const simulator = useIsSimulator();
  return (
    <EmptyState>
      <p>No orders placed from this profile yet.</p>
      <p>
        Place one on <GoButton area="orders">Orders</GoButton>
        {simulator ? (
          <>
            , or use <strong>Generate sample traffic</strong> on the <GoButton area="calls">Calls page</GoButton> (it
            places orders on the Simulator).
          </>
        ) : (
          '.'
        )}
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

export { GoButton };
