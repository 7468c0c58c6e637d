import type { Migration } from '../migrate.ts';
import { createProfiles } from './001-profiles.ts';
import { createProfileSecrets } from './002-profile-secrets.ts';
import { createAppSettings } from './003-app-settings.ts';
import { createAuditLog } from './004-audit-log.ts';
import { coalesceAuditLog } from './005-audit-coalescing.ts';
import { teamPasswordSecretKind } from './006-team-password-secret.ts';

/** The app-wide database (app.db): profiles, settings, audit log. Append only. */
export const appMigrations: readonly Migration[] = [
  createProfiles,
  createProfileSecrets,
  createAppSettings,
  createAuditLog,
  coalesceAuditLog,
  teamPasswordSecretKind,
];
