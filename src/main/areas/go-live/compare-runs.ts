import { goLiveRunSummarySchema, type GoLiveComparison, type GoLiveRun } from '../../../shared/contract/goLive.ts';

const summaryOf = (run: GoLiveRun) => goLiveRunSummarySchema.parse(run);

/** What changed between two runs: items whose status differs, or that still fail for another reason; checklist order. */
export function compareRuns(before: GoLiveRun, after: GoLiveRun): GoLiveComparison {
  const earlier = new Map(before.items.map((item) => [item.id, item]));
  const later = new Map(after.items.map((item) => [item.id, item]));
  const ids = [...new Set([...after.items.map((item) => item.id), ...before.items.map((item) => item.id)])];
  const changes = ids.flatMap((id) => {
    const was = earlier.get(id);
    const now = later.get(id);
    // A passed item whose numbers moved (more calls in the log) did not change; a failing one with a new reason did.
    if (was && now && was.status === now.status && (now.status === 'passed' || was.summary === now.summary)) return [];
    return [
      {
        itemId: id,
        title: (now ?? was)!.title,
        before: was?.status ?? null,
        after: now?.status ?? null,
        beforeSummary: was?.summary ?? null,
        afterSummary: now?.summary ?? null,
      },
    ];
  });
  return { before: summaryOf(before), after: summaryOf(after), changes, unchanged: ids.length - changes.length };
}
