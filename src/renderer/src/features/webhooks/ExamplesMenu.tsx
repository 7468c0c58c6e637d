import { useEffect, useId } from 'react';
import type { WebhookFamily } from '../../../../shared/webhooks/webhook-types.ts';
import { useWebhooks } from './webhooks-store.ts';

const FAMILY_LABELS: Record<WebhookFamily, string> = {
  'partner-api': 'Partner API webhooks',
  'sdk-transaction': 'SDK transaction webhooks',
  'sdk-brand-event': 'SDK brand events',
};

/** Every payload from Hubble's docs, served by main and signed with the Simulator profile's secret. */
export function ExamplesMenu() {
  const examples = useWebhooks((state) => state.examples);
  const error = useWebhooks((state) => state.examplesError);
  const loadExample = useWebhooks((state) => state.loadExample);
  const id = useId();

  useEffect(() => {
    void useWebhooks.getState().loadExamples();
  }, []);

  const families = Object.keys(FAMILY_LABELS) as WebhookFamily[];
  return (
    <div className="wh-examples">
      <label htmlFor={id}>Load example</label>
      <select id={id} value="" onChange={(event) => loadExample(event.target.value)} disabled={!examples}>
        <option value="">{examples ? "A payload from Hubble's docs…" : 'Loading…'}</option>
        {families.map((family) => (
          <optgroup key={family} label={FAMILY_LABELS[family]}>
            {examples
              ?.filter((example) => example.family === family)
              .map((example) => (
                <option key={example.id} value={example.id}>
                  {example.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
      <span className="muted wh-hint">
        Signed with the Simulator profile's webhook secret; change a byte to see the diagnosis.
      </span>
      {error && <span className="form-error">{error}</span>}
    </div>
  );
}
