import { z } from 'zod';
import { profileSettingsSchema, type ProfileSettings } from '../../../shared/contract/profiles.ts';
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
  profiles: z.array(profileSettingsSchema).min(1).max(200),
});

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

export function toExportJson(profiles: readonly ProfileSettings[], exportedAt: string): string {
  const document = { format: PROFILE_EXPORT_FORMAT, version: 1, exportedAt, profiles };
  return `${JSON.stringify(exportDocumentSchema.parse(document), null, 2)}\n`;
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
      issues: parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    });
  }
  return parsed.data.profiles;
}
