import type { Finding } from '../../../../shared/webhooks/findings.ts';

/** Each explanation with its stable code, what was seen, and what to change. */
export function FindingsList({ findings }: { findings: Finding[] }) {
  if (findings.length === 0) return null;
  return (
    <ol className="wh-findings" aria-label="Findings">
      {findings.map((finding, index) => (
        <li
          key={`${finding.code}-${index}`}
          className={`wh-finding wh-finding--${finding.code === 'NO_EXPLANATION' ? 'unknown' : 'known'}`}
        >
          <h3>
            <code className="wh-finding__code">{finding.code}</code> {finding.title}
          </h3>
          <p>{finding.message}</p>
          {finding.evidence.length > 0 && (
            <dl className="wh-evidence" aria-label={`Evidence for ${finding.code}`}>
              {finding.evidence.map((item) => (
                <div key={item.label}>
                  <dt>{item.label}</dt>
                  <dd className="mono">{item.value}</dd>
                </div>
              ))}
            </dl>
          )}
          <p className="wh-finding__fix">
            <strong>Fix:</strong> {finding.fix}
          </p>
        </li>
      ))}
    </ol>
  );
}
