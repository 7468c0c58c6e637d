import { useState } from 'react';
import type { CallDetail } from '../../../../shared/contract/calls.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useCalls } from './calls-store.ts';
import { downloadText } from '../../components/download-text.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { formatLatency, outcomeLabel, prettyBody } from './format.ts';

type Target = { callId: number } | { orderId: string };

/** Asks main for a bundle; the text never exists in the renderer until the agent asks for it. */
async function bundleOf(
  target: Target,
  as: 'text' | 'json',
  onError: (error: AppErrorShape) => void,
): Promise<string | null> {
  const result = await useCalls.getState().bundle(target);
  if (!result.ok) {
    onError(result.error);
    return null;
  }
  return as === 'text' ? result.value.text : result.value.json;
}

function Failure({ call }: { call: CallDetail }) {
  const failure = call.failure;
  if (!failure) return null;
  return (
    <div className={`call-failure call-failure--${call.outcome}`} role="note" aria-label="What went wrong">
      <strong>{failure.title}</strong>
      <p>{failure.explanation}</p>
      <p>
        <span className="muted">Next step: </span>
        {failure.nextStep}
      </p>
      {failure.detail && <p className="mono muted">{failure.detail}</p>}
    </div>
  );
}

export function CallDetailPanel() {
  const detail = useCalls((state) => state.detail);
  const detailError = useCalls((state) => state.detailError);
  const selectedId = useCalls((state) => state.selectedId);
  const [error, setError] = useState<AppErrorShape | null>(null);
  // Nothing selected: the table keeps the whole width, so every identifier column stays on screen.
  if (selectedId === null) return null;
  if (detailError)
    return (
      <aside className="call-detail" aria-label="Call detail">
        <p className="form-error">{detailError}</p>
      </aside>
    );
  if (!detail)
    return (
      <aside className="call-detail" aria-label="Call detail" aria-busy="true">
        <p className="muted">Loading…</p>
      </aside>
    );

  const call = detail;
  const download = async (target: Target, name: string) => {
    const result = await useCalls.getState().bundle(target);
    if (result.ok)
      downloadText(
        `${result.value.fileName}.${name === 'json' ? 'json' : 'txt'}`,
        name === 'json' ? result.value.json : result.value.text,
        name === 'json' ? 'application/json' : 'text/plain',
      );
    else setError(result.error);
  };
  return (
    <aside className="call-detail" aria-label="Call detail">
      <header className="call-detail__header">
        <h2>
          <span className="mono">{call.method}</span> {call.path}
        </h2>
        <button
          type="button"
          className="call-detail__close"
          aria-label="Close detail"
          onClick={() => void useCalls.getState().select(null)}
        >
          ×
        </button>
      </header>
      <dl className="facts call-detail__facts">
        <dt>X-REQUEST-ID</dt>
        <dd className="mono" data-testid="detail-request-id">
          {call.requestId}
        </dd>
        <dt>Time</dt>
        <dd>
          <DateTime at={call.at} milliseconds withZone />
        </dd>
        <dt>Status</dt>
        <dd>
          {call.httpStatus ?? 'no answer'} · {outcomeLabel(call)} · {formatLatency(call.latencyMs)}
          {call.attempt > 1 ? ` · attempt ${call.attempt}` : ''}
        </dd>
        {call.orderId && (
          <>
            <dt>Order ID</dt>
            <dd className="mono">
              {call.orderId}
              {call.orderStatus ? ` (${call.orderStatus})` : ''}
            </dd>
          </>
        )}
        {call.referenceId && (
          <>
            <dt>Reference ID</dt>
            <dd className="mono">{call.referenceId}</dd>
          </>
        )}
        <dt>Environment</dt>
        <dd>
          {call.environment} · <span className="mono">{call.baseUrl}</span>
        </dd>
        {call.origin && (
          <>
            <dt>From</dt>
            <dd>
              {call.origin.operator}’s console (team mode) ·{' '}
              <span className="mono" title="Console id">
                {call.origin.consoleId}
              </span>
            </dd>
          </>
        )}
      </dl>
      <Failure call={call} />
      <div className="call-detail__actions" role="group" aria-label="Copy">
        <CopyButton label="Copy X-REQUEST-ID" text={() => call.requestId} />
        <CopyButton
          label="Copy support bundle"
          className="button-primary"
          text={() => bundleOf({ callId: call.id }, 'text', setError)}
        />
        <CopyButton label="Copy bundle as JSON" text={() => bundleOf({ callId: call.id }, 'json', setError)} />
        <button type="button" onClick={() => void download({ callId: call.id }, 'text')}>
          Download bundle
        </button>
        {call.orderId && (
          <>
            <CopyButton label="Copy order bundle" text={() => bundleOf({ orderId: call.orderId! }, 'text', setError)} />
            <button type="button" onClick={() => void useCalls.getState().search({ orderId: call.orderId! })}>
              All calls of this order
            </button>
          </>
        )}
      </div>
      <OperationErrorMessage error={error} />
      <h3>
        Request body <span className="muted">(redacted)</span>
      </h3>
      <pre className="call-detail__body" aria-label="Request body">
        {call.requestBody === null ? '(none)' : prettyBody(call.requestBody)}
      </pre>
      <h3>
        {call.failure ? 'Error body' : 'Response body'} <span className="muted">(redacted)</span>
      </h3>
      <pre className="call-detail__body" aria-label="Response body">
        {prettyBody(call.responseBody)}
      </pre>
    </aside>
  );
}
