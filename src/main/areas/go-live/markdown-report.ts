import type { GoLiveEvidence, GoLiveRun } from '../../../shared/contract/goLive.ts';
import { isoTime, itemsBySection, reportTitle, sectionTitle, STATUS_WORDS, verdictLine } from './report-text.ts';

/** Markdown special characters in text that came from data (profile names, Hubble's messages) are escaped. */
const escape = (text: string) => text.replace(/([\\`*_[\]<>|#])/g, '\\$1').replace(/\r?\n/g, ' ');

function evidenceLine(evidence: GoLiveEvidence): string {
  const parts = [`${escape(evidence.label)}: ${escape(evidence.value)}`];
  if (evidence.requestId) parts.push(`X-REQUEST-ID \`${evidence.requestId.replace(/`/g, '')}\``);
  if (evidence.at !== null) parts.push(isoTime(evidence.at));
  return `  - ${parts.join(' · ')}`;
}

/** The run as Markdown: built only from the stored run, which never holds a secret. */
export function markdownReport(run: GoLiveRun): string {
  const lines = [
    `# ${escape(reportTitle(run))}`,
    '',
    `**${verdictLine(run)}**`,
    '',
    `- Profile: ${escape(run.profileName)} (${run.environment}), ${escape(run.baseUrl)}`,
    `- Compared with: ${run.counterpartName ? escape(run.counterpartName) : 'no other profile'}`,
    `- Run #${run.id} by ${escape(run.by)}, ${isoTime(run.startedAt)} to ${isoTime(run.finishedAt)} (UTC)`,
    `- This machine's addresses: ${run.networkAddresses.map((address) => address.address).join(', ') || 'none found'}`,
  ];
  for (const [section, items] of itemsBySection(run)) {
    lines.push('', `## ${sectionTitle(section)}`, '');
    for (const item of items) {
      lines.push(`- **${STATUS_WORDS[item.status]}**: ${escape(item.title)}. ${escape(item.summary)}`);
      for (const evidence of item.evidence) lines.push(evidenceLine(evidence));
      if (item.confirmation) {
        lines.push(`  - Confirmed by ${escape(item.confirmation.by)} at ${isoTime(item.confirmation.at)}`);
      }
      if (item.fix) lines.push(`  - Fix: ${escape(item.fix)}`);
    }
  }
  lines.push(
    '',
    'For Hubble support: send the X-REQUEST-ID, the order or reference ID, the time and the error body of the call concerned.',
    '',
  );
  return lines.join('\n');
}
