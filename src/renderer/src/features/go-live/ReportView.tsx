import type { GoLiveRun } from '../../../../shared/contract/goLive.ts';
import { GO_LIVE_SECTION_TITLES } from '../../../../shared/contract/goLive.ts';
import { sectionsOf, verdictText } from './ChecklistView.tsx';
import { useGoLive } from './go-live-store.ts';
import { STATUS_LABELS } from './status-words.ts';

/** Reports carry ISO 8601 UTC: what Hubble support can line up with their logs whatever the reader's zone. */
const iso = (at: number) => new Date(at).toISOString();

/**
 * The run as a printable report (the same content as the Markdown export). Outside the desktop app this is what
 * is printed to PDF, with the browser's own print; print CSS hides everything else on the page.
 */
export function ReportView({ run }: { run: GoLiveRun }) {
  return (
    <article className="go-live-report" aria-labelledby="go-live-report-title">
      <div className="go-live-report__actions">
        <button type="button" className="button-primary" onClick={() => window.print()}>
          Print or save as PDF
        </button>
        <button type="button" onClick={() => useGoLive.getState().setReportOpen(false)}>
          Back to the checklist
        </button>
      </div>
      <h2 id="go-live-report-title">
        Go-Live {run.mode === 'production' ? 'checklist' : 'rehearsal'}: {run.profileName}
      </h2>
      <p>
        <strong>{verdictText(run)}</strong>
      </p>
      <p>
        Profile: {run.profileName} ({run.environment}), {run.baseUrl}
        <br />
        Compared with: {run.counterpartName ?? 'no other profile'}
        <br />
        Run #{run.id} by {run.by}, {iso(run.startedAt)} to {iso(run.finishedAt)} (UTC)
        <br />
        This machine’s addresses: {run.networkAddresses.map((address) => address.address).join(', ') || 'none found'}
      </p>
      {sectionsOf(run).map(([section, items]) => (
        <section key={section}>
          <h3>{GO_LIVE_SECTION_TITLES[section]}</h3>
          <ul>
            {items.map((item) => (
              <li key={item.id} className={`go-live-report__item go-live-item--${item.status}`}>
                <strong>{STATUS_LABELS[item.status]}</strong>: {item.title}. {item.summary}
                <ul>
                  {item.evidence.map((fact, index) => (
                    <li key={index}>
                      {fact.label}: {fact.value}
                      {fact.requestId && (
                        <>
                          {' · X-REQUEST-ID '}
                          <code>{fact.requestId}</code>
                        </>
                      )}
                      {fact.at !== null && ` · ${iso(fact.at)}`}
                    </li>
                  ))}
                  {item.confirmation && (
                    <li>
                      Confirmed by {item.confirmation.by} at {iso(item.confirmation.at)}
                    </li>
                  )}
                  {item.fix && <li>Fix: {item.fix}</li>}
                </ul>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}
