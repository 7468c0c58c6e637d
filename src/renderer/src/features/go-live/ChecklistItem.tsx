import { useId, useState } from 'react';
import type { GoLiveItem } from '../../../../shared/contract/goLive.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { EvidenceList } from './EvidenceList.tsx';
import { useGoLive } from './go-live-store.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** The operator's word on something the console cannot check; main records who (OS user) and when, audited. */
function ConfirmForm({ item }: { item: GoLiveItem }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const noteId = useId();
  const submit = async () => {
    setBusy(true);
    if (await useGoLive.getState().confirm(item.id, note)) setNote('');
    setBusy(false);
  };
  return (
    <form
      className="go-live-confirm"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <label htmlFor={noteId}>Note (optional)</label>
      <input id={noteId} value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
      <button type="submit" disabled={busy}>
        I confirm this
      </button>
    </form>
  );
}

export function ChecklistItem({ item }: { item: GoLiveItem }) {
  return (
    <li className={`go-live-item go-live-item--${item.status}`} data-item={item.id}>
      <div className="go-live-item__head">
        <StatusBadge status={item.status} />
        <strong>{item.title}</strong>
      </div>
      <p className="go-live-item__summary">{item.summary}</p>
      <EvidenceList evidence={item.evidence} />
      {item.confirmation && (
        <p className="muted">
          Confirmed by {item.confirmation.by} on <DateTime at={item.confirmation.at} withZone />
        </p>
      )}
      {item.fix && (
        <p className="go-live-item__fix">
          <strong>What to do: </strong>
          {item.fix}
        </p>
      )}
      {item.confirmable && <ConfirmForm item={item} />}
    </li>
  );
}
