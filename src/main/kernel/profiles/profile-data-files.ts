import fs from 'node:fs';
import path from 'node:path';

const COMPANIONS = ['', '-wal', '-shm', '-journal'];

/** The files that hold one profile's history (the layout of src/main/store/profile-store.ts). */
export function profileDataFiles(dataDir: string, profileId: string): string[] {
  const base = path.join(dataDir, 'profiles', `${profileId}.db`);
  return COMPANIONS.map((suffix) => `${base}${suffix}`).filter((file) => fs.existsSync(file));
}

/** Removes a profile's history files; for a console core that has no per-profile store open. */
export function removeProfileDataFiles(dataDir: string, profileId: string): void {
  for (const file of profileDataFiles(dataDir, profileId)) fs.rmSync(file, { force: true });
}
