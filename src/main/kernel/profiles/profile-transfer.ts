import { z } from 'zod';
import { MAX_PROFILES, profileSettingsSchema, type ProfileSettings } from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';

export const PROFILE_EXPORT_FORMAT = 'hubble-ops-console/profiles';

/**
 * The shareable file: settings only. Each profile is a strict object, so a file that carries a secret
 * (or anything else the console does not know) is refused rather than partly imported.
 */
const exportDocumentSchema = z.strictObject({
  format: z.literal(PROFILE_EXPORT_FORMAT),
  version: z.literal(1),
  exportedAt: z.string().max(40).optional(),
  profiles: z.array(profileSettingsSchema).min(1).max(MAX_PROFILES),
});

/**
 * Refuses creating or importing past MAX_PROFILES operator profiles (`existing` without the built-in Simulator):
 * one export file holds them all, so a console never holds profiles it could not export.
 */
export function assertRoomForProfiles(existing: number, adding: number): void {
  if (existing + adding <= MAX_PROFILES) return;
  const room = Math.max(0, MAX_PROFILES - existing);
  throw new AppError(
    'VALIDATION',
    `The console holds at most ${MAX_PROFILES} profiles (besides the Simulator); there are ${existing}, so ${room === 0 ? 'none' : `only ${room}`} can be added. Delete profiles you no longer use first.`,
    { limit: MAX_PROFILES, existing, adding },
  );
}

const SECRET_KEY = /secret|password|token/i;

/** The key names (never the values) of anything secret-looking in a parsed file. */
function secretKeysIn(value: unknown, depth = 0, found = new Set<string>()): Set<string> {
  if (depth > 8 || !value || typeof value !== 'object') return found;
  for (const [key, inner] of Object.entries(value)) {
    if (SECRET_KEY.test(key)) found.add(key);
    secretKeysIn(inner, depth + 1, found);
  }
  return found;
}

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

/**
 * The file for `profiles`. Everything stored went through the same schema, so this only fails for a row written
 * by an older console under looser limits; the operator then learns which profile and field to fix.
 */
export function toExportJson(profiles: readonly ProfileSettings[], exportedAt: string): string {
  const document = { format: PROFILE_EXPORT_FORMAT, version: 1, exportedAt, profiles };
  const parsed = exportDocumentSchema.safeParse(document);
  if (parsed.success) return `${JSON.stringify(parsed.data, null, 2)}\n`;
  const offenders = new Set(
    parsed.error.issues
      .filter((issue) => issue.path[0] === 'profiles' && typeof issue.path[1] === 'number')
      .map((issue) => profiles[issue.path[1] as number]?.name ?? ''),
  );
  throw new AppError(
    'VALIDATION',
    offenders.size > 0
      ? `These profiles do not fit the export format; edit them, then export again: ${[...offenders].join(', ')}.`
      : `At most ${MAX_PROFILES} profiles fit one export; choose fewer.`,
    { issues: issuesOf(parsed.error) },
  );
}

export function parseExportJson(json: string): ProfileSettings[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError('VALIDATION', 'This is not JSON. Paste or choose a file exported from the Profiles page.');
  }
  const secrets = secretKeysIn(raw);
  if (secrets.size > 0) {
    throw new AppError(
      'VALIDATION',
      `This file holds secret fields (${[...secrets].join(', ')}). Profiles are shared without secrets: remove them and set each secret in the console that uses it.`,
    );
  }
  const parsed = exportDocumentSchema.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('VALIDATION', 'This file is not a profile export the console understands.', {
      issues: issuesOf(parsed.error),
    });
  }
  return parsed.data.profiles;
}
