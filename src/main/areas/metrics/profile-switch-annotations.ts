import type { AuditEntry } from '../../../shared/contract/audit.ts';
import type { Annotation } from '../../../shared/contract/metrics.ts';

/** How many of a profile's newest audit entries are searched for switches: a refresh stays cheap. */
export const SWITCH_SEARCH_ENTRIES = 200;

/**
 * The operator's switches to this profile within [from, to), from its audit entries (app.db, not the profile
 * database): markers that say when someone started working in this profile.
 */
export function profileSwitchAnnotations(entries: readonly AuditEntry[], from: number, to: number): Annotation[] {
  const annotations: Annotation[] = [];
  for (const entry of entries) {
    if (entry.action !== 'profile.activated') continue;
    const at = Date.parse(entry.at);
    if (!(at >= from && at < to)) continue;
    const previous = typeof entry.details['from'] === 'string' ? ` from ${entry.details['from']}` : '';
    annotations.push({
      at,
      kind: 'profile-switch',
      text: `${entry.user} switched to this profile${previous}`,
      drill: null,
    });
  }
  return annotations.sort((a, b) => a.at - b.at);
}
