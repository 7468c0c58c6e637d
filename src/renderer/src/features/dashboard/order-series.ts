import type { Dashboard, DrillDown } from '../../../../shared/contract/metrics.ts';
import { denseBuckets } from '../../components/time-range.ts';

export type OrderPoint = Dashboard['orders'][number];

export interface OrderSlot {
  at: number;
  success: number;
  failed: number;
  processing: number;
  other: number;
  orders: number;
  amountPaise: number;
  spentPaise: number;
  /** success rate in percent; null where no order was decided (a gap, not a zero) */
  ratePercent: number | null;
  drill: DrillDown | null;
}

const emptySlot = (at: number): OrderSlot => ({
  at,
  success: 0,
  failed: 0,
  processing: 0,
  other: 0,
  orders: 0,
  amountPaise: 0,
  spentPaise: 0,
  ratePercent: null,
  drill: null,
});

const slotOf = (point: OrderPoint): OrderSlot => ({
  at: point.at,
  success: point.success,
  failed: point.failed,
  processing: point.processing,
  other: point.other,
  orders: point.orders,
  amountPaise: point.amountPaise,
  spentPaise: point.spentPaise,
  ratePercent: point.successRate === null ? null : point.successRate * 100,
  drill: point.drill,
});

/** One slot per bucket of the range: counts drawn as zero where none, the rate left as a gap. */
export function orderSlots(data: Pick<Dashboard, 'from' | 'to' | 'bucketMs' | 'orders'>): OrderSlot[] {
  return denseBuckets(data.from, data.to, data.bucketMs, data.orders.map(slotOf), emptySlot);
}

/** The success rate over the whole range: SUCCESS / (SUCCESS + FAILED), null when nothing was decided. */
export function overallSuccessRate(points: readonly OrderPoint[]): number | null {
  const success = points.reduce((sum, point) => sum + point.success, 0);
  const failed = points.reduce((sum, point) => sum + point.failed, 0);
  return success + failed === 0 ? null : success / (success + failed);
}

/** Failed calls ÷ calls over the range; null without calls. */
export function overallErrorRate(points: readonly Dashboard['errors'][number][]): number | null {
  const calls = points.reduce((sum, point) => sum + point.calls, 0);
  const failed = points.reduce((sum, point) => sum + point.failed, 0);
  return calls === 0 ? null : failed / calls;
}
