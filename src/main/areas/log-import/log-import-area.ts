import type { ColumnMapping, ImportRun, LogFormat } from '../../../shared/contract/logImport.ts';
import { AppError } from '../../errors/app-error.ts';
import type { Handlers } from '../../ipc/router.ts';
import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { defineArea } from '../define-area.ts';
import type { OpenLogFileDialog } from './log-file-dialog.ts';
import type { AreaDefinition } from '../define-area.ts';
import { createLogFollower } from './log-follower.ts';
import { createLogImportHandlers, IMPORT_JOB, type ImportPort } from './log-import-handlers.ts';
import { guessMapping } from './column-mapping.ts';
import { savedMapping } from './mapping-store.ts';
import type { RowContext } from './row-to-call.ts';
import { runImport } from './run-import.ts';

export const FOLLOW_JOB = 'log-import.follow';
const FOLLOW_EVERY_MS = 2_000;

export interface LogImportAreaOptions {
  /** The desktop's open-file dialog (Electron); absent in the browser harness, where the operator types the path. */
  openFileDialog?: OpenLogFileDialog;
}

/** log-import.*: the partner backend's own log of Hubble calls, imported or followed into api_calls (docs/log-import.md). */
export const logImportArea = (options: LogImportAreaOptions = {}): AreaDefinition =>
  defineArea({
    name: 'log-import',
    create: (kernel) => {
      const ports = new WeakMap<ProfileScope, ImportPort>();
      const activeScope = () => kernel.scopes.get(kernel.active.id());
      const contextOf = async (scope: ProfileScope): Promise<RowContext> => {
        const profile = scope.profile();
        const secrets = await kernel.credentials.secretFor(scope.profileId, 'webhookSecret').catch(() => null);
        const clientSecret = await kernel.credentials.secretFor(scope.profileId, 'clientSecret').catch(() => null);
        return {
          profileId: profile.id,
          environment: profile.environment,
          redaction: { secrets: [secrets, clientSecret].filter((value): value is string => typeof value === 'string') },
        };
      };
      const handlers = {
        logImport: createLogImportHandlers({
          activeScope,
          portOf: (scope) => {
            const port = ports.get(scope);
            if (!port) throw new AppError('CONFLICT', 'This profile is closing.');
            return port;
          },
          audit: kernel.audit,
          now: () => kernel.clock.now(),
          openFileDialog: () => options.openFileDialog ?? null,
        }),
      };
      return {
        // The contract registers `logImport` in src/shared/contract/index.ts; until then Handlers has no such key.
        handlers: handlers as unknown as Partial<Handlers>,
        perProfile(scope) {
          let requested: { file: string; format: LogFormat; mapping: ColumnMapping } | null = null;
          let last: ImportRun | null = null;
          let context: RowContext | null = null;
          const follower = createLogFollower({
            db: scope.db,
            context: () =>
              context ?? { profileId: scope.profileId, environment: scope.profile().environment, redaction: {} },
            mappingFor: (format: LogFormat) => savedMapping(scope.db, format) ?? guessMapping([]),
          });
          scope.addJob({
            name: IMPORT_JOB,
            schedule: { kind: 'off' },
            async run({ signal, progress }) {
              const job = requested;
              requested = null;
              if (!job) return;
              const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
              last = {
                file: job.file,
                format: job.format,
                state: 'running',
                rows: 0,
                imported: 0,
                duplicates: 0,
                rejected: 0,
                issues: [],
              };
              try {
                const run = await runImport({
                  db: scope.db,
                  ...job,
                  context: await contextOf(scope),
                  signal,
                  progress: (done, total) => progress(done, total, `Importing ${mb(done)} of ${mb(total)}`),
                });
                const { offset: _offset, lastLine: _lastLine, ...summary } = run;
                last = summary;
              } catch (error) {
                last = { ...last, state: 'failed' };
                throw error;
              }
            },
          });
          scope.addJob({
            name: FOLLOW_JOB,
            schedule: { kind: 'interval', everyMs: FOLLOW_EVERY_MS },
            runIfNeverRan: true,
            async run({ signal }) {
              if (follower.list().length === 0) return;
              context = await contextOf(scope);
              await follower.tick(signal);
            },
          });
          ports.set(scope, {
            async request(job) {
              requested = job;
              await kernel.jobs.runNow(scope.profileId, IMPORT_JOB);
            },
            cancel() {
              const running = kernel.jobs
                .list(scope.profileId)
                .find((job) => job.name === IMPORT_JOB && job.state === 'running');
              kernel.jobs.cancel(scope.profileId, IMPORT_JOB);
              return Boolean(running);
            },
            lastRun: () => last,
            follower,
            context: () => contextOf(scope),
            tickFollower: () => kernel.jobs.request(scope.profileId, FOLLOW_JOB),
          });
          return () => follower.close();
        },
      };
    },
  });
