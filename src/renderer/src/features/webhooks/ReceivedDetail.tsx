import { useState, type FormEvent } from 'react';
import { CopyButton } from '../../components/CopyButton.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useReceived } from './received-store.ts';
import { STATE_WORDS, typeWords, VERDICT_WORDS } from './received-words.ts';
import { bytesText } from './visible-text.ts';

function ReplayForm() {
  const replaying = useReceived((state) => state.replaying);
  const replayed = useReceived((state) => state.replayed);
  const [url, setUrl] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void useReceived.getState().replay(url.trim());
  };
  return (
    <form className="rx-replay" aria-labelledby="rx-replay-title" onSubmit={onSubmit}>
      <h3 id="rx-replay-title">Replay to a URL</h3>
      <p className="muted wh-hint">
        Sends these exact bytes with the X-Verify they arrived with, to your own endpoint or staging.
      </p>
      <label className="wh-field">
        Replay URL
        <input
          className="mono"
          type="url"
          value={url}
          spellCheck={false}
          placeholder="https://staging.partner.example/hubble/webhooks"
          onChange={(event) => setUrl(event.target.value)}
        />
      </label>
      <div className="rx-warning" role="note" aria-label="Idempotency warning">
        <label className="wh-check">
          <input type="checkbox" checked={acknowledged} onChange={(event) => setAcknowledged(event.target.checked)} />
          The receiver there will act on this event again unless it is idempotent (keys on the order id and status, or
          transactionReferenceId). Send it anyway.
        </label>
      </div>
      <button type="submit" disabled={replaying || !acknowledged || url.trim() === ''}>
        {replaying ? 'Replaying…' : 'Replay'}
      </button>
      {replayed && (
        <p role="status" aria-label="Replay result">
          {replayed.status !== null
            ? `Answered HTTP ${replayed.status} in ${Math.round(replayed.durationMs)} ms.`
            : `Not delivered: ${replayed.error ?? 'no answer'}.`}
        </p>
      )}
    </form>
  );
}

/** One received webhook: what arrived, what it changed, and what can be done with it. */
export function ReceivedDetail() {
  const selectedId = useReceived((state) => state.selectedId);
  const detail = useReceived((state) => state.detail);
  const detailError = useReceived((state) => state.detailError);
  const actionError = useReceived((state) => state.actionError);
  const retrying = useReceived((state) => state.retrying);
  if (selectedId === null) return null;
  return (
    <aside className="wh-panel rx-detail" aria-label="Received webhook detail">
      <div className="rx-detail__head">
        <h2>Webhook #{selectedId}</h2>
        <button type="button" aria-label="Close detail" onClick={() => void useReceived.getState().select(null)}>
          ✕
        </button>
      </div>
      <OperationErrorMessage error={detailError} />
      {detail && (
        <>
          <dl className="rx-facts">
            <dt>Received</dt>
            <dd>
              <DateTime at={detail.receivedAt} withZone milliseconds />
            </dd>
            <dt>Type</dt>
            <dd>{typeWords(detail.type)}</dd>
            <dt>Verdict</dt>
            <dd data-verdict={detail.verdict}>
              {VERDICT_WORDS[detail.verdict]}
              {detail.reason ? ` (${detail.reason})` : ''}
            </dd>
            <dt>State</dt>
            <dd>
              {STATE_WORDS[detail.state]}
              {detail.duplicateOf !== null ? ` of #${detail.duplicateOf}` : ''}
            </dd>
            <dt>Source</dt>
            <dd className="mono">{detail.sourceIp}</dd>
            <dt>Size</dt>
            <dd>{bytesText(detail.bodyBytes)}</dd>
            {detail.dedupeKey && (
              <>
                <dt>Dedupe key</dt>
                <dd className="mono">{detail.dedupeKey}</dd>
              </>
            )}
            {detail.error && (
              <>
                <dt>Error</dt>
                <dd className="rx-error">{detail.error}</dd>
              </>
            )}
          </dl>
          {detail.changes.length > 0 && (
            <ul aria-label="What it changed" className="rx-changes">
              {detail.changes.map((change) => (
                <li key={change}>{change}</li>
              ))}
            </ul>
          )}
          <div className="rx-detail__actions">
            {detail.body !== null && (
              <button type="button" className="button-primary" onClick={() => useReceived.getState().openInDebugger()}>
                Open in signature debugger
              </button>
            )}
            {detail.state === 'failed' && (
              <button type="button" disabled={retrying} onClick={() => void useReceived.getState().retry()}>
                {retrying ? 'Retrying…' : 'Retry processing'}
              </button>
            )}
          </div>
          <OperationErrorMessage error={actionError} />
          {detail.body !== null ? (
            <div className="wh-signed__block">
              <div className="wh-signed__head">
                <h3 id="rx-body-title">Body</h3>
                <CopyButton label="Copy body" text={detail.body} />
              </div>
              {!detail.bodyIsExact && (
                <p className="muted wh-hint">
                  Card numbers or PINs are masked here (or the bytes are not valid UTF-8): the debugger checks this
                  text, so it will not verify against the original signature.
                </p>
              )}
              <pre className="mono rx-body" aria-labelledby="rx-body-title">
                {detail.body}
              </pre>
            </div>
          ) : (
            <p className="muted">
              Nothing of a rejected delivery is kept beyond its time, source, verdict and size: unverified bytes are the
              sender&apos;s choice.
            </p>
          )}
          {Object.keys(detail.headers).length > 0 && (
            <table className="rx-headers" aria-label="Headers">
              <tbody>
                {Object.entries(detail.headers).map(([name, value]) => (
                  <tr key={name}>
                    <th scope="row" className="mono">
                      {name}
                    </th>
                    <td className="mono">{value}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {detail.verdict === 'valid' && detail.body !== null && <ReplayForm key={detail.id} />}
        </>
      )}
    </aside>
  );
}
