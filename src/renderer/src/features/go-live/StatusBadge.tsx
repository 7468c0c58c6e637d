import type { GoLiveStatus } from '../../../../shared/contract/goLive.ts';
import { STATUS_LABELS, STATUS_MARKS } from './status-words.ts';

export function StatusBadge({ status }: { status: GoLiveStatus }) {
  return (
    <span className={`go-live-status go-live-status--${status}`}>
      <span aria-hidden="true">{STATUS_MARKS[status]} </span>
      {STATUS_LABELS[status]}
    </span>
  );
}
