import type { GoLiveRun } from '../../../shared/contract/goLive.ts';
import { isoTime, itemsBySection, reportTitle, sectionTitle, STATUS_WORDS, verdictLine } from './report-text.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const STYLE = `
  body { font: 11pt/1.4 system-ui, sans-serif; color: #111; margin: 24px; }
  h1 { font-size: 18pt; margin: 0 0 4px; } h2 { font-size: 13pt; margin: 18px 0 6px; border-bottom: 1px solid #ccc; }
  .status { font-weight: 700; } .passed { color: #166534; } .failed { color: #b91c1c; } .operator { color: #92400e; }
  li { margin: 4px 0; } ul.evidence { color: #333; font-size: 10pt; } code { font-size: 9.5pt; }
  .fix { margin: 2px 0 0; }
`;

/** The run as a self-contained HTML page (no script, no remote resource) for printToPDF; built only from the stored run. */
export function htmlReport(run: GoLiveRun): string {
  const sections = itemsBySection(run)
    .map(([section, items]) => {
      const rows = items
        .map((item) => {
          const evidence = item.evidence
            .map((fact) => {
              const requestId = fact.requestId ? ` · X-REQUEST-ID <code>${escape(fact.requestId)}</code>` : '';
              const at = fact.at === null ? '' : ` · ${isoTime(fact.at)}`;
              return `<li>${escape(fact.label)}: ${escape(fact.value)}${requestId}${at}</li>`;
            })
            .join('');
          const confirmation = item.confirmation
            ? `<li>Confirmed by ${escape(item.confirmation.by)} at ${isoTime(item.confirmation.at)}</li>`
            : '';
          const fix = item.fix ? `<p class="fix"><strong>Fix:</strong> ${escape(item.fix)}</p>` : '';
          return `<li><span class="status ${item.status}">${STATUS_WORDS[item.status]}</span> ${escape(item.title)}. ${escape(item.summary)}<ul class="evidence">${evidence}${confirmation}</ul>${fix}</li>`;
        })
        .join('');
      return `<h2>${escape(sectionTitle(section))}</h2><ul>${rows}</ul>`;
    })
    .join('');
  const addresses = run.networkAddresses.map((address) => escape(address.address)).join(', ') || 'none found';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"><title>${escape(reportTitle(run))}</title><style>${STYLE}</style></head><body>
<h1>${escape(reportTitle(run))}</h1><p><strong>${escape(verdictLine(run))}</strong></p>
<p>Profile: ${escape(run.profileName)} (${run.environment}), ${escape(run.baseUrl)}<br>Compared with: ${run.counterpartName ? escape(run.counterpartName) : 'no other profile'}<br>Run #${run.id} by ${escape(run.by)}, ${isoTime(run.startedAt)} to ${isoTime(run.finishedAt)} (UTC)<br>This machine’s addresses: ${addresses}</p>
${sections}</body></html>`;
}
