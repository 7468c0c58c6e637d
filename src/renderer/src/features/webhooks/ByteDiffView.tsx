import type { ByteDiff } from '../../../../shared/webhooks/byte-diff.ts';
import { bytesText, visibleChanged, visibleUnchanged } from './visible-text.ts';

const ELIDED = {
  equal: 'unchanged',
  removed: 'more only in your body',
  added: 'more only in the form that verifies',
} as const;

/** Your body against the form whose signature verifies: removals struck through, additions underlined. */
export function ByteDiffView({ diff }: { diff: ByteDiff }) {
  return (
    <figure className="wh-diff" aria-label="Byte diff">
      <figcaption>
        <strong>{diff.leftLabel}</strong> ({bytesText(diff.leftBytes)}) against{' '}
        <strong>{diff.rightLabel.toLowerCase()}</strong> ({bytesText(diff.rightBytes)}): {bytesText(diff.removedBytes)}{' '}
        only in yours, {bytesText(diff.addedBytes)} only in the signed form
        {diff.firstDifferenceAt !== null && <>; first difference at byte {diff.firstDifferenceAt}</>}.
        {diff.approximate &&
          ' The bodies differ too much to align character by character, so the middle is shown as one change.'}
        {diff.truncated && ' The diff is cut short.'}
      </figcaption>
      <p className="wh-diff__legend" aria-hidden="true">
        <del>only in your body</del> <ins>only in the form that verifies</ins>{' '}
        <span>· space, ↵ newline, [CR] carriage return, → tab, [BOM] byte-order mark</span>
      </p>
      <pre className="wh-diff__text mono">
        {diff.segments.map((segment, index) => {
          if (segment.elidedBytes > 0) {
            return (
              <span key={index} className="wh-diff__elided">
                {`…${bytesText(segment.elidedBytes)} ${ELIDED[segment.op]}…`}
              </span>
            );
          }
          if (segment.op === 'equal') return <span key={index}>{visibleUnchanged(segment.text)}</span>;
          const title = `${segment.op === 'removed' ? 'Only in your body' : 'Only in the form that verifies'}: ${bytesText(segment.bytes)}${segment.hex ? ` (${segment.hex})` : ''}`;
          return segment.op === 'removed' ? (
            <del key={index} title={title}>
              {visibleChanged(segment.text)}
            </del>
          ) : (
            <ins key={index} title={title}>
              {visibleChanged(segment.text)}
            </ins>
          );
        })}
      </pre>
    </figure>
  );
}
