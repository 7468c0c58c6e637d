import type { GoLiveEvidence } from '../../../../shared/contract/goLive.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { DateTime } from '../../components/DateTime.tsx';

/** The facts behind a verdict: values, X-REQUEST-IDs (copyable, for Hubble support) and times. */
export function EvidenceList({ evidence }: { evidence: readonly GoLiveEvidence[] }) {
  if (evidence.length === 0) return null;
  return (
    <ul className="go-live-evidence">
      {evidence.map((fact, index) => (
        <li key={`${fact.label}-${index}`}>
          <span className="muted">{fact.label}:</span> {fact.value}
          {fact.requestId && (
            <>
              {' · X-REQUEST-ID '}
              <code className="mono">{fact.requestId}</code>{' '}
              <CopyButton className="go-live-copy" label="Copy" text={fact.requestId} />
            </>
          )}
          {fact.at !== null && (
            <>
              {' · '}
              <DateTime at={fact.at} withZone />
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
