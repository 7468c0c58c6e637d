import type { FormEvent } from 'react';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useWebhooks } from './webhooks-store.ts';
import { BodyInput } from './BodyInput.tsx';
import { ByteDiffView } from './ByteDiffView.tsx';
import { ClassificationPanel } from './ClassificationPanel.tsx';
import { ExamplesMenu } from './ExamplesMenu.tsx';
import { FindingsList } from './FindingsList.tsx';
import { SecretSourcePicker } from './SecretSourcePicker.tsx';
import { VerdictPanel } from './VerdictPanel.tsx';

export function SignatureDebugger() {
  const state = useWebhooks();
  const canVerify = !state.busy && (state.body.kind === 'file' || state.body.text.length > 0);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    void state.verify();
  };

  return (
    <section className="wh-panel" aria-labelledby="wh-debugger-title">
      <h2 id="wh-debugger-title">Signature debugger</h2>
      <p className="muted">
        Hubble signs every webhook with <code>X-Verify = base64(HMAC-SHA256(secret, raw body))</code>. Paste what your
        endpoint received; the console verifies the exact bytes and, when they do not verify, says why.
      </p>
      <ExamplesMenu />
      <form className="wh-form" onSubmit={onSubmit}>
        <BodyInput />
        <div className="wh-form__side">
          <label className="wh-field">
            X-Verify header
            <input
              className="mono"
              value={state.header}
              disabled={state.headerAbsent}
              spellCheck={false}
              autoComplete="off"
              placeholder="e.g. 3q2+7w…="
              onChange={(event) => state.setHeader(event.target.value)}
            />
          </label>
          <label className="wh-check">
            <input
              type="checkbox"
              checked={state.headerAbsent}
              onChange={(event) => state.setHeaderAbsent(event.target.checked)}
            />
            The request had no X-Verify header
          </label>
          <SecretSourcePicker legend="Secret source" value={state.secret} onChange={state.setSecret} />
          <button type="submit" className="button-primary" disabled={!canVerify}>
            {state.busy ? 'Verifying…' : 'Verify signature'}
          </button>
        </div>
      </form>
      <OperationErrorMessage error={state.error} />
      {state.verification && (
        <div className="wh-result">
          <VerdictPanel verification={state.verification} />
          <FindingsList findings={state.verification.findings} />
          {state.verification.diff && <ByteDiffView diff={state.verification.diff} />}
        </div>
      )}
      {state.classification && <ClassificationPanel classification={state.classification} />}
    </section>
  );
}
