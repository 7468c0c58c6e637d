import {
  GO_LIVE_SECTION_TITLES,
  type GoLiveItem,
  type GoLiveRun,
  type GoLiveSection,
} from '../../../../shared/contract/goLive.ts';
import { DateTime } from '../../components/DateTime.tsx';
import { ChecklistItem } from './ChecklistItem.tsx';

export function sectionsOf(run: GoLiveRun): [GoLiveSection, GoLiveItem[]][] {
  const sections = new Map<GoLiveSection, GoLiveItem[]>();
  for (const item of run.items) sections.set(item.section, [...(sections.get(item.section) ?? []), item]);
  return [...sections.entries()];
}

export function verdictText(run: GoLiveRun): string {
  const { passed, failed, operator } = run.counts;
  return `${run.ready ? 'Ready to go live' : 'Not ready yet'}: ${passed} passed, ${failed} failed, ${operator} waiting for you.`;
}

export function ChecklistView({ run }: { run: GoLiveRun }) {
  return (
    <div className="go-live-checklist">
      <p className={`go-live-verdict ${run.ready ? 'go-live-verdict--ready' : ''}`} role="status">
        {verdictText(run)}
      </p>
      <p className="muted">
        Run #{run.id} of “{run.profileName}” ({run.mode === 'production' ? 'production' : 'rehearsal on staging'}) by{' '}
        {run.by}, <DateTime at={run.startedAt} withZone />
        {run.counterpartName ? `, compared with “${run.counterpartName}”` : ''}.
      </p>
      {sectionsOf(run).map(([section, items]) => (
        <section key={section} aria-labelledby={`go-live-${section}`} className="go-live-section">
          <h2 id={`go-live-${section}`}>{GO_LIVE_SECTION_TITLES[section]}</h2>
          <ul className="go-live-items">
            {items.map((item) => (
              <ChecklistItem key={item.id} item={item} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
