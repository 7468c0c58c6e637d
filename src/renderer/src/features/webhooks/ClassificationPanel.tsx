import type { Classification } from '../../../../shared/webhooks/classification.ts';

const CONFIDENCE_TEXT: Record<Classification['confidence'], string> = {
  certain: 'certain (the payload names its type)',
  high: 'high',
  medium: 'medium',
  low: 'low',
  none: 'none',
};

/** Which Hubble webhook this is, how sure, whether it matches its schema, and how to handle it. */
export function ClassificationPanel({ classification }: { classification: Classification }) {
  const c = classification;
  return (
    <section className="wh-classification" aria-labelledby="wh-classification-title">
      <h3 id="wh-classification-title">Payload</h3>
      <p>
        <strong aria-label="Webhook type">
          {c.label ?? (c.json === 'invalid' ? 'Not JSON' : 'Not a known Hubble webhook')}
        </strong>{' '}
        <span className={`wh-confidence wh-confidence--${c.confidence}`}>
          Confidence: {CONFIDENCE_TEXT[c.confidence]}
        </span>
      </p>
      {c.parseError && <p className="wh-warning">{c.parseError}</p>}
      <p className="muted">{c.reason}</p>
      {c.alternatives.length > 0 && (
        <p className="muted">
          Other candidates:{' '}
          {c.alternatives
            .map((alternative) => `${alternative.label} (${Math.round(alternative.score * 100)}%)`)
            .join(', ')}
        </p>
      )}
      {c.type &&
        (c.valid ? (
          <p className="wh-valid">✓ Matches the {c.label} schema.</p>
        ) : (
          <>
            <p className="wh-warning">Does not match the {c.label} schema:</p>
            <ul aria-label="Validation issues">
              {c.issues.map((issue) => (
                <li key={`${issue.path}:${issue.message}`}>
                  <code>{issue.path}</code>: {issue.message}
                </li>
              ))}
            </ul>
          </>
        ))}
      {c.unknownFields.length > 0 && (
        <p className="muted">Fields the docs do not describe: {c.unknownFields.join(', ')}</p>
      )}
      {c.notes.length > 0 && (
        <ul aria-label="Notes">
          {c.notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      )}
      {c.advice.length > 0 && (
        <>
          <h4>Handling</h4>
          <ul aria-label="Handling advice">
            {c.advice.map((advice) => (
              <li key={advice}>{advice}</li>
            ))}
          </ul>
        </>
      )}
      {c.facts.length > 0 && (
        <details>
          <summary>Fields (card numbers and PINs masked)</summary>
          <dl className="wh-evidence">
            {c.facts.map((fact) => (
              <div key={fact.label}>
                <dt>{fact.label}</dt>
                <dd className="mono">{fact.value}</dd>
              </div>
            ))}
          </dl>
        </details>
      )}
    </section>
  );
}
