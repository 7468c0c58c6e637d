import type Database from 'better-sqlite3';
import { ulid } from 'ulid';
import { createAppSettingsRepository } from './app-settings-repository.ts';

/** App-wide choices that belong to no profile: which profile is active, whether the welcome was dismissed. */
export interface AppSettings {
  activeProfileId(): string | null;
  setActiveProfileId(profileId: string): void;
  welcomeDismissed(): boolean;
  dismissWelcome(at: Date): void;
  /** Closing the window keeps monitoring in the tray; off unless the operator turned it on. */
  closeToTray(): boolean;
  setCloseToTray(enabled: boolean): void;
  /** This installation's stable id (a ULID made on first use): what team mode marks this console's rows with. */
  consoleId(): string;
}

export function createAppSettings(db: Database.Database): AppSettings {
  const repository = createAppSettingsRepository(db);
  return {
    activeProfileId: () => repository.get('activeProfileId'),
    setActiveProfileId: (profileId) => repository.set('activeProfileId', profileId),
    welcomeDismissed: () => repository.get('welcomeDismissedAt') !== null,
    dismissWelcome(at) {
      if (repository.get('welcomeDismissedAt') === null) repository.set('welcomeDismissedAt', at.toISOString());
    },
    closeToTray: () => repository.get('closeToTray') === 'true',
    setCloseToTray: (enabled) => repository.set('closeToTray', String(enabled)),
    consoleId() {
      const existing = repository.get('consoleId');
      if (existing) return existing;
      const id = ulid();
      repository.set('consoleId', id);
      return id;
    },
  };
}
