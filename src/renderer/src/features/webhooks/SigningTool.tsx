import type { FormEvent } from 'react';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useWebhookSigning } from './signing-store.ts';
import { useWebhooks } from './webhooks-store.ts';
import { SecretSourcePicker } from './SecretSourcePicker.tsx';

/** A correctly signed request for a payload, to test the partner's own endpoint. Only the signature is shown. */
export function SigningTool() {
  const state = useWebhookSigning();
  const debuggerBody = useWebhooks((s) => (s.body.kind === 'text' ? s.body.text : null));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void state.sign();
  };

  return (
    <section className="wh-panel" aria-labelledby="wh-signing-title">
      <h2 id="wh-signing-title">Signing tool</h2>
      <p className="muted">
        Sign a payload the way Hubble does and send it to your own endpoint with curl. The secret stays in main; only
        the signature comes back.
      </p>
      <form className="wh-form" onSubmit={onSubmit}>
        <div className="wh-body">
          <label className="wh-field">
            Body to sign
            <textarea
              className="mono"
              rows={10}
              spellCheck={false}
              value={state.body}
              onChange={(event) => state.setBody(event.target.value)}
            />
          </label>
          <button
            type="button"
            disabled={!debuggerBody}
            onClick={() => debuggerBody !== null && state.setBody(debuggerBody)}
          >
            Use the debugger's body
          </button>
        </div>
        <div className="wh-form__side">
          <label className="wh-field">
            Endpoint URL
            <input
              className="mono"
              type="url"
              value={state.url}
              spellCheck={false}
              onChange={(event) => state.setUrl(event.target.value)}
            />
          </label>
          <SecretSourcePicker legend="Signing secret" value={state.secret} onChange={state.setSecret} />
          <button type="submit" className="button-primary" disabled={state.busy || state.body.length === 0}>
            {state.busy ? 'Signing…' : 'Sign request'}
          </button>
        </div>
      </form>
      <OperationErrorMessage error={state.error} />
      {state.signed && (
        <div className="wh-signed">
          <p>
            <span id="wh-signature-label">X-Verify</span>{' '}
            <output className="mono" aria-labelledby="wh-signature-label">
              {state.signed.signature}
            </output>
          </p>
          <div className="wh-signed__block">
            <div className="wh-signed__head">
              <h3 id="wh-curl-title">curl</h3>
              <CopyButton label="Copy curl" text={state.signed.curl} />
            </div>
            <pre className="mono" aria-labelledby="wh-curl-title">
              {state.signed.curl}
            </pre>
          </div>
          <div className="wh-signed__block">
            <div className="wh-signed__head">
              <h3 id="wh-headers-title">Raw headers</h3>
              <CopyButton label="Copy headers" text={state.signed.rawHeaders} />
            </div>
            <pre className="mono" aria-labelledby="wh-headers-title">
              {state.signed.rawHeaders.replaceAll('\r\n', '\n')}
            </pre>
          </div>
          <ul className="muted">
            {state.signed.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
