import type { DrillDown } from '../../../../shared/contract/metrics.ts';
import { useNavigation } from '../../app/navigation-store.ts';
import { useCalls } from '../calls/calls-store.ts';
import { useOrders } from '../orders/orders-store.ts';

/** Opens the Calls or Orders page with the filters main put behind a point, bar, row or annotation. */
export async function openDrillDown(drill: DrillDown): Promise<void> {
  if (drill.area === 'calls') {
    await useCalls.getState().select(null);
    await useCalls.getState().search(drill.filters);
    useNavigation.getState().goTo('calls');
    return;
  }
  const orders = useOrders.getState();
  orders.closePanel();
  orders.setView('orders');
  await orders.search(drill.filters);
  useNavigation.getState().goTo('orders');
}

/** What a drill-down opens, in words for a button's accessible name. */
export function drillDownLabel(drill: DrillDown): string {
  return drill.area === 'calls' ? 'Open the calls' : 'Open the orders';
}
