import { useState } from 'react';
import type { ConnectionTestReport, Profile } from '../../../../shared/contract/profiles.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useProfiles } from './profiles-store.ts';

/** Login, wallet, products: each timed, each with the X-REQUEST-ID Hubble support asks for, then a diagnosis. */
export function ConnectionTestPanel({ profile }: { profile: Profile }) {
  const [report, setReport] = useState<ConnectionTestReport | null>(null);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const [busy, setBusy] = useState(false);
  const testConnection = useProfiles((state) => state.testConnection);

  const test = async () => {
    setBusy(true);
    setReport(null);
    const result = await testConnection(profile.id);
    setBusy(false);
    if (result.ok) setReport(result.value);
    setError(result.ok ? null : result.error);
  };

  return (
    <section className="connection-test" aria-label={`Connection test of ${profile.name}`}>
      <h3>Connection test</h3>
      <button type="button" className="button-primary" disabled={busy} onClick={() => void test()}>
        {busy ? 'Testing…' : 'Test connection'}
      </button>
      <OperationErrorMessage error={error} withPaths />
      {report && (
        <div
          className={`connection-report connection-report--${report.ok ? 'ok' : 'failed'}`}
          aria-label="Connection test result"
        >
          <p className="muted mono">{report.baseUrl}</p>
          <table>
            <thead>
              <tr>
                <th>Step</th>
                <th>Result</th>
                <th>HTTP</th>
                <th>Time</th>
                <th>X-REQUEST-ID</th>
              </tr>
            </thead>
            <tbody>
              {report.steps.map((step) => (
                <tr key={step.step} data-outcome={step.outcome}>
                  <td>{step.label}</td>
                  <td>{step.summary}</td>
                  <td>{step.httpStatus ?? '—'}</td>
                  <td>{step.durationMs === null ? '—' : `${Math.round(step.durationMs)} ms`}</td>
                  <td className="mono">{step.requestId ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="diagnosis" role={report.ok ? undefined : 'alert'} data-diagnosis={report.diagnosis.kind}>
            <h4>{report.diagnosis.title}</h4>
            <p>{report.diagnosis.explanation}</p>
            {report.diagnosis.actions.length > 0 && (
              <ol>
                {report.diagnosis.actions.map((action) => (
                  <li key={action}>{action}</li>
                ))}
              </ol>
            )}
            {report.diagnosis.networkAddresses && (
              <>
                <p>
                  This machine&apos;s network addresses (Hubble sees your public, outgoing IP, which a router or VPN may
                  change):
                </p>
                <ul className="mono" aria-label="Network addresses">
                  {report.diagnosis.networkAddresses.map((address) => (
                    <li key={`${address.interface}-${address.address}`}>
                      {address.address} ({address.family}, {address.interface})
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
