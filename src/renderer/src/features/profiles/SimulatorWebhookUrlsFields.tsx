import { useId } from 'react';
import type { SimulatorWebhookType } from '../../../../shared/contract/receiver.ts';
import {
  SIMULATOR_WEBHOOK_TYPE_NAMES,
  SIMULATOR_WEBHOOK_TYPES,
  type SimulatorWebhookUrlsDraft,
} from './simulator-webhook-urls-draft.ts';

interface Props {
  draft: SimulatorWebhookUrlsDraft;
  onChange(draft: SimulatorWebhookUrlsDraft): void;
}

/**
 * Where the embedded simulator delivers this profile's webhooks: partners configure a URL per webhook type in
 * Hubble's portal, so a receiver with one path per type can be tried against the simulator as it is.
 */
export function SimulatorWebhookUrlsFields({ draft, onChange }: Props) {
  const id = useId();
  const setType = (type: SimulatorWebhookType, url: string) =>
    onChange({ ...draft, byType: { ...draft.byType, [type]: url } });
  return (
    <fieldset className="simulator-webhook-urls">
      <legend>Where the simulator delivers webhooks</legend>
      <p className="muted">
        A type with a URL of its own goes there; every other type goes to the URL for all types, or, when that is empty,
        to this console&apos;s receiver while it is on.
      </p>
      <p>
        <label htmlFor={`${id}-all`}>All types</label>
        <input
          id={`${id}-all`}
          type="url"
          className="mono"
          value={draft.all}
          placeholder="this console's receiver"
          spellCheck={false}
          autoComplete="off"
          onChange={(event) => onChange({ ...draft, all: event.target.value })}
        />
      </p>
      {SIMULATOR_WEBHOOK_TYPES.map((type) => (
        <p key={type}>
          <label htmlFor={`${id}-${type}`}>
            {SIMULATOR_WEBHOOK_TYPE_NAMES[type]} <span className="mono muted">{type}</span>
          </label>
          <input
            id={`${id}-${type}`}
            type="url"
            className="mono"
            value={draft.byType[type]}
            placeholder="the URL for all types"
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setType(type, event.target.value)}
          />
        </p>
      ))}
    </fieldset>
  );
}
