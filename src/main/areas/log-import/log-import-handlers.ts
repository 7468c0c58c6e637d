import fs from 'node:fs';
import type { z } from 'zod';
import {
  logImportOperations,
  type ColumnMapping,
  type ImportRun,
  type LogFormat,
} from '../../../shared/contract/logImport.ts';
import { AppError } from '../../errors/app-error.ts';
import type { AuditLog } from '../../kernel/audit/audit-log.ts';
import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { LOG_FILE_DIALOG, type OpenLogFileDialog } from './log-file-dialog.ts';
import { formatOf } from './log-rows.ts';
import type { LogFollower } from './log-follower.ts';
import { savedMapping, saveMapping } from './mapping-store.ts';
import { previewLog } from './preview.ts';
import type { RowContext } from './row-to-call.ts';

type Ops = typeof logImportOperations;
type LogImportHandlers = {
  [K in keyof Ops]: (
    input: z.output<Ops[K]['input']>,
  ) => Promise<z.output<Ops[K]['output']>> | z.output<Ops[K]['output']>;
};

/** What the handlers need of one profile's import machinery (kept per scope by the area). */
export interface ImportPort {
  request(job: { file: string; format: LogFormat; mapping: ColumnMapping }): Promise<void>;
  cancel(): boolean;
  lastRun(): ImportRun | null;
  follower: LogFollower;
  context(): Promise<RowContext>;
  tickFollower(): void;
}

export const IMPORT_JOB = 'log-import.run';

function readableFile(file: string): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    throw new AppError('NOT_FOUND', `No file at ${file}.`);
  }
  if (!stat.isFile()) throw new AppError('VALIDATION', `${file} is not a file.`);
}

export function createLogImportHandlers(deps: {
  activeScope: () => ProfileScope;
  portOf: (scope: ProfileScope) => ImportPort;
  audit: AuditLog;
  now: () => number;
  /** The desktop's open-file dialog; null in the browser harness, where the operator types the path. */
  openFileDialog: () => OpenLogFileDialog | null;
}): LogImportHandlers {
  const audited = (
    scope: ProfileScope,
    action: 'log-import.run' | 'log-import.mapping' | 'log-import.follow' | 'log-import.unfollow',
    details: Record<string, unknown>,
  ) => {
    const profile = scope.profile();
    deps.audit.record({ action, profileId: profile.id, profileName: profile.name, details });
  };
  const follows = (scope: ProfileScope) => ({
    follows: deps
      .portOf(scope)
      .follower.list()
      .map((row) => ({ path: row.path, format: row.format, offset: row.offset, line: row.line })),
  });
  const mappingFor = (scope: ProfileScope, format: LogFormat, given?: ColumnMapping) =>
    given ?? savedMapping(scope.db, format);
  return {
    async chooseFile() {
      const dialog = deps.openFileDialog();
      if (!dialog)
        throw new AppError(
          'UNAVAILABLE',
          'A file dialog is not available here (the console runs in a browser): type the path of the log file.',
        );
      return { path: await dialog(LOG_FILE_DIALOG) };
    },
    async preview({ path, format, mapping }) {
      readableFile(path);
      const scope = deps.activeScope();
      const chosen = format ?? formatOf(path);
      const preview = await previewLog(
        path,
        chosen,
        mappingFor(scope, chosen, mapping),
        await deps.portOf(scope).context(),
      );
      return { format: chosen, ...preview };
    },
    mapping: ({ format }) => ({ mapping: savedMapping(deps.activeScope().db, format) }),
    saveMapping({ format, mapping }) {
      const scope = deps.activeScope();
      saveMapping(scope.db, format, mapping, deps.now());
      audited(scope, 'log-import.mapping', { format, fields: Object.keys(mapping) });
      return { mapping };
    },
    async start({ path, format, mapping }) {
      readableFile(path);
      const scope = deps.activeScope();
      const chosen = format ?? formatOf(path);
      const resolved = mappingFor(scope, chosen, mapping);
      if (!resolved) throw new AppError('VALIDATION', 'Choose the column mapping first (preview guesses one).');
      audited(scope, 'log-import.run', { file: path, format: chosen });
      void deps.portOf(scope).request({ file: path, format: chosen, mapping: resolved });
      return { job: IMPORT_JOB };
    },
    cancel: () => ({ cancelled: deps.portOf(deps.activeScope()).cancel() }),
    lastRun: () => ({ run: deps.portOf(deps.activeScope()).lastRun() }),
    follow({ path, format }) {
      readableFile(path);
      const scope = deps.activeScope();
      const chosen = format ?? formatOf(path);
      if (!savedMapping(scope.db, chosen))
        throw new AppError('VALIDATION', 'Save a column mapping for this format before following a file.');
      deps.portOf(scope).follower.follow(path, chosen, deps.now());
      audited(scope, 'log-import.follow', { file: path, format: chosen });
      deps.portOf(scope).tickFollower();
      return follows(scope);
    },
    unfollow({ path }) {
      const scope = deps.activeScope();
      deps.portOf(scope).follower.unfollow(path);
      audited(scope, 'log-import.unfollow', { file: path });
      return follows(scope);
    },
    follows: () => follows(deps.activeScope()),
  };
}
