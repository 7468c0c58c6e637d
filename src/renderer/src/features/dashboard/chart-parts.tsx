import type { CSSProperties } from 'react';
import { ReferenceLine } from 'recharts';
import type { Annotation } from '../../../../shared/contract/metrics.ts';
import { formatDateTime } from '../../components/format-time.ts';
import { ANNOTATION_COLOURS } from '../../components/series-colours.ts';

const ANNOTATION_SYMBOL: Record<Annotation['kind'], string> = {
  'top-up': '▲',
  'wallet-below-minimum': '◆',
  'alert-fired': '!',
  'alert-resolved': '✓',
  'profile-switch': '⇄',
};

/**
 * Business events as markers on the time axis, each with its text as a tooltip (an SVG title). Called as a
 * function, not a component, so recharts sees ReferenceLines among the chart's children.
 */
export function annotationLines(annotations: readonly Annotation[], from: number, to: number, yAxisId?: string) {
  return annotations
    .filter((annotation) => annotation.at >= from && annotation.at <= to)
    .map((annotation, index) => (
      <ReferenceLine
        key={`${annotation.kind}-${annotation.at}-${index}`}
        x={annotation.at}
        {...(yAxisId === undefined ? {} : { yAxisId })}
        stroke={ANNOTATION_COLOURS[annotation.kind]}
        strokeDasharray="2 3"
        ifOverflow="hidden"
        className={`annotation annotation--${annotation.kind}`}
        label={(props: { viewBox?: { x?: number; y?: number } }) => (
          <g
            className="annotation-marker"
            transform={`translate(${props.viewBox?.x ?? 0},${(props.viewBox?.y ?? 0) + 2})`}
          >
            <title>{`${formatDateTime(annotation.at)} — ${annotation.text}`}</title>
            <circle r={7} fill={ANNOTATION_COLOURS[annotation.kind]} />
            <text textAnchor="middle" dy={3.5} fontSize={9} fill="#fff">
              {ANNOTATION_SYMBOL[annotation.kind]}
            </text>
          </g>
        )}
      />
    ));
}

/** The bucket a click on a chart landed in (recharts hands the index as a number or a string). */
export function clickedIndex(state: { activeTooltipIndex?: number | string | null } | null | undefined): number | null {
  const raw = state?.activeTooltipIndex;
  if (raw === undefined || raw === null || raw === '') return null;
  const index = Number(raw);
  return Number.isInteger(index) && index >= 0 ? index : null;
}

/** A legend entry's colour: the swatch carries it, the text keeps the page's colour (contrast in both themes). */
export const swatch = (colour: string) => ({ '--swatch': colour }) as CSSProperties;
