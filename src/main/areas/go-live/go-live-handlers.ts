import type { z } from 'zod';
import type { goLiveOperations } from '../../../shared/contract/goLive.ts';
import type { NetworkAddress } from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { applyConfirmation } from './checklist-items.ts';
import { compareRuns } from './compare-runs.ts';
import { htmlReport } from './html-report.ts';
import { markdownReport } from './markdown-report.ts';
import type { PrintToPdf } from './pdf-printer.ts';
import { reportFileName } from './report-text.ts';
import { counterpartOf, runChecklist } from './run-checklist.ts';
import { createRunStore } from './run-store.ts';

type Operations = typeof goLiveOperations;
/** The same shape as `Handlers['goLive']` once the contract registers the area. */
export type GoLiveHandlers = {
  [K in keyof Operations]: (
    input: z.output<Operations[K]['input']>,
    ctx?: unknown,
  ) => Promise<z.input<Operations[K]['output']>> | z.input<Operations[K]['output']>;
};

export interface GoLiveHandlerDeps {
  kernel: Pick<Kernel, 'profiles' | 'credentials' | 'scopes' | 'clock' | 'audit'>;
  networkAddresses(): NetworkAddress[];
  /** Electron's printToPDF behind a port; absent in the browser harness. */
  printToPdf?: PrintToPdf;
}

export function createGoLiveHandlers(deps: GoLiveHandlerDeps): GoLiveHandlers {
  const { kernel } = deps;
  const storeOf = (profileId: string) => {
    const profile = kernel.profiles.get(profileId);
    return { profile, store: createRunStore(kernel.scopes.get(profile.id).db, profile.id) };
  };

  return {
    async run({ profileId, counterpartId }) {
      const profile = kernel.profiles.get(profileId);
      // A refused run changes nothing: the profiles are checked before the audit entry is written.
      counterpartOf(kernel, profile, counterpartId);
      // The audit entry names who ran it (the OS user) and when; the run carries the same name.
      const entry = kernel.audit.record({
        action: 'go-live.run',
        profileId: profile.id,
        profileName: profile.name,
        details: { counterpartId },
      });
      const run = await runChecklist(kernel, {
        profileId: profile.id,
        counterpartId,
        addresses: deps.networkAddresses(),
        by: entry.user,
      });
      return run;
    },

    runs: ({ profileId, limit }) => ({ runs: storeOf(profileId).store.list(limit) }),

    get: ({ profileId, runId }) => storeOf(profileId).store.get(runId),

    confirm({ profileId, runId, itemId, note }) {
      const { profile, store } = storeOf(profileId);
      const run = store.get(runId);
      const item = run.items.find((candidate) => candidate.id === itemId);
      if (!item || !item.confirmable) {
        throw new AppError(
          'VALIDATION',
          'Only an item the console cannot check, and that waits for the operator, can be confirmed.',
          { itemId },
        );
      }
      const entry = kernel.audit.record({
        action: 'go-live.confirmed',
        profileId: profile.id,
        profileName: profile.name,
        details: { runId, item: itemId, title: item.title, note },
      });
      const confirmation = { by: entry.user, at: Date.parse(entry.at), note };
      store.confirm(itemId, confirmation);
      return store.replaceItems(
        runId,
        run.items.map((candidate) =>
          candidate.id === itemId ? applyConfirmation(candidate, confirmation) : candidate,
        ),
      );
    },

    compare({ profileId, beforeRunId, afterRunId }) {
      const { store } = storeOf(profileId);
      return compareRuns(store.get(beforeRunId), store.get(afterRunId));
    },

    exportMarkdown({ profileId, runId }) {
      const { profile, store } = storeOf(profileId);
      const run = store.get(runId);
      kernel.audit.record({
        action: 'go-live.exported',
        profileId: profile.id,
        profileName: profile.name,
        details: { runId, format: 'markdown' },
      });
      return { fileName: reportFileName(run, 'md'), markdown: markdownReport(run) };
    },

    async exportPdf({ profileId, runId }) {
      const { profile, store } = storeOf(profileId);
      const run = store.get(runId);
      if (!deps.printToPdf) {
        throw new AppError(
          'UNAVAILABLE',
          'PDF export is printed by the desktop app. Here, open the report and print it to PDF with the browser.',
        );
      }
      const pdf = await deps.printToPdf(htmlReport(run));
      kernel.audit.record({
        action: 'go-live.exported',
        profileId: profile.id,
        profileName: profile.name,
        details: { runId, format: 'pdf' },
      });
      return { fileName: reportFileName(run, 'pdf'), base64: Buffer.from(pdf).toString('base64') };
    },
  };
}
