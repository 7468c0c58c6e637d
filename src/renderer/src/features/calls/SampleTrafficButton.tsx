import { useState } from 'react';
import type { SampleTrafficReport } from '../../../../shared/contract/calls.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useCalls } from './calls-store.ts';

/** Simulator profile only (main refuses it anywhere else): fills the log with real calls to the simulator. */
export function SampleTrafficButton() {
  const [state, setState] = useState<{
    running: boolean;
    report: SampleTrafficReport | null;
    error: AppErrorShape | null;
  }>({ running: false, report: null, error: null });
  const run = async () => {
    setState({ running: true, report: null, error: null });
    const result = await useCalls.getState().generateSampleTraffic();
    setState({ running: false, report: result.ok ? result.value : null, error: result.ok ? null : result.error });
  };
  return (
    <div className="sample-traffic">
      <button type="button" onClick={() => void run()} disabled={state.running} aria-describedby="sample-traffic-note">
        {state.running ? 'Generating…' : 'Generate sample traffic'}
      </button>
      <span id="sample-traffic-note" className="muted">
        Simulator only: catalog and wallet reads and simulated orders, through the real client.
      </span>
      <span role="status" className="sample-traffic__status">
        {state.report &&
          `Recorded ${state.report.calls} calls (${state.report.orders} orders) in ${(state.report.durationMs / 1000).toFixed(1)} s.`}
      </span>
      <OperationErrorMessage error={state.error} />
    </div>
  );
}
