import type { Verification } from '../../../../shared/webhooks/verification.ts';
import { bytesText } from './visible-text.ts';

export function VerdictPanel({ verification }: { verification: Verification }) {
  const valid = verification.verdict === 'valid';
  const explained = verification.findings.filter((finding) => finding.code !== 'NO_EXPLANATION').length;
  return (
    <div className={`wh-verdict wh-verdict--${verification.verdict}`}>
      <p role="status" aria-label="Verdict" className="wh-verdict__line">
        {valid ? '✓ Signature valid' : '✗ Signature invalid'}
      </p>
      <p>
        {valid
          ? `X-Verify equals base64(HMAC-SHA256) of the exact ${bytesText(verification.bodyBytes)} with ${verification.secretLabel} (constant-time comparison).`
          : explained > 0
            ? `Checked against ${verification.secretLabel}. ${explained === 1 ? 'One finding explains' : `${explained} findings together explain`} why it fails:`
            : `Checked against ${verification.secretLabel}.`}
      </p>
      {verification.expectedSignature !== null ? (
        <p className="wh-verdict__expected">
          X-Verify for this body: <code className="mono">{verification.expectedSignature}</code>
        </p>
      ) : (
        <p className="wh-verdict__expected muted">
          The X-Verify for this body is not shown: it is made with a production profile&apos;s stored secret, and would
          be a webhook your production endpoint accepts. Use the Signing tool, which asks for a confirmation and writes
          it to the audit log.
        </p>
      )}
      <details className="wh-checked">
        <summary>What was checked</summary>
        <ul>
          {verification.checked.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      </details>
    </div>
  );
}
