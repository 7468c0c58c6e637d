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
      <p className="wh-verdict__expected">
        X-Verify for this body: <code className="mono">{verification.expectedSignature}</code>
      </p>
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
