import type { Annotation } from '../../../../shared/contract/metrics.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { DrillButton } from './DrillButton.tsx';
import { ANNOTATION_COLOURS } from '../../components/series-colours.ts';

const KIND_WORDS: Record<Annotation['kind'], string> = {
  'top-up': 'Top-up',
  'wallet-below-minimum': 'Low balance',
  'alert-fired': 'Alert fired',
  'alert-resolved': 'Alert resolved',
  'profile-switch': 'Profile switch',
};

/** The markers on the time axes, as a list: what happened when, with the calls behind an alert. */
export function AnnotationsList({ annotations }: { annotations: readonly Annotation[] }) {
  if (annotations.length === 0) return null;
  const newestFirst = [...annotations].sort((a, b) => b.at - a.at).slice(0, 12);
  return (
    <section className="panel panel--wide annotations" aria-labelledby="annotations-title">
      <h2 id="annotations-title">Events in this range</h2>
      <ul>
        {newestFirst.map((annotation, index) => (
          <li key={`${annotation.at}-${index}`}>
            <span
              className="annotations__dot"
              style={{ background: ANNOTATION_COLOURS[annotation.kind] }}
              aria-hidden="true"
            />
            <DateTime at={annotation.at} />
            <strong>{KIND_WORDS[annotation.kind]}</strong>
            <span>{annotation.text}</span>
            <DrillButton drill={annotation.drill} what={`${KIND_WORDS[annotation.kind]}: ${annotation.text}`} />
          </li>
        ))}
      </ul>
      {annotations.length > newestFirst.length && (
        <p className="muted">{annotations.length - newestFirst.length} older events are marked on the charts.</p>
      )}
    </section>
  );
}
