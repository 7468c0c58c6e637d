import type { DrillDown } from '../../../../shared/contract/metrics.ts';
import { drillDownLabel, openDrillDown } from './open-drill-down.ts';

/** The keyboard and screen-reader way into what a point, bar or row counts. */
export function DrillButton({ drill, what }: { drill: DrillDown | null | undefined; what: string }) {
  if (!drill) return null;
  return (
    <button
      type="button"
      className="link-button"
      aria-label={`${drillDownLabel(drill)}: ${what}`}
      onClick={() => void openDrillDown(drill)}
    >
      {drill.area === 'calls' ? 'Calls' : 'Orders'} →
    </button>
  );
}
