import type { SimEngine } from '../engine.ts';
import { finishProcessing } from './transitions.ts';

/** Settles every PROCESSING order whose time has come on the simulator clock, earliest first. */
export function settleDue(engine: SimEngine): void {
  for (const order of engine.state.orders.due(engine.now())) {
    const settlement = order.settlement;
    if (settlement) finishProcessing(engine, order, settlement.to, settlement.failureReason);
  }
}
