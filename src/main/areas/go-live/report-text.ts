import {
  GO_LIVE_SECTION_TITLES,
  type GoLiveItem,
  type GoLiveRun,
  type GoLiveSection,
  type GoLiveStatus,
} from '../../../shared/contract/goLive.ts';

export const STATUS_WORDS: Record<GoLiveStatus, string> = {
  passed: 'PASSED',
  failed: 'FAILED',
  operator: 'NEEDS THE OPERATOR',
};

/** Times in reports are ISO 8601 UTC: unambiguous for Hubble support whatever the reader's zone. */
export const isoTime = (at: number) => new Date(at).toISOString();

export const reportTitle = (run: GoLiveRun) =>
  `Go-Live ${run.mode === 'production' ? 'checklist' : 'rehearsal'}: ${run.profileName}`;

export function verdictLine(run: GoLiveRun): string {
  const { passed, failed, operator } = run.counts;
  const verdict = run.ready ? 'Ready to go live' : 'Not ready';
  return `${verdict}: ${passed} passed, ${failed} failed, ${operator} waiting for the operator.`;
}

export function itemsBySection(run: GoLiveRun): [GoLiveSection, GoLiveItem[]][] {
  const sections = new Map<GoLiveSection, GoLiveItem[]>();
  for (const item of run.items) sections.set(item.section, [...(sections.get(item.section) ?? []), item]);
  return [...sections.entries()];
}

export const sectionTitle = (section: GoLiveSection) => GO_LIVE_SECTION_TITLES[section];

export function reportFileName(run: GoLiveRun, extension: 'md' | 'pdf'): string {
  const safe = run.profileName.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'profile';
  return `go-live-${safe}-run-${run.id}-${isoTime(run.startedAt).slice(0, 10)}.${extension}`;
}
