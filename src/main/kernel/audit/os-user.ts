import os from 'node:os';

/** Who is at the keyboard, as the OS knows them. userInfo() throws for users without a passwd entry (some containers). */
export function currentOsUser(): string {
  try {
    return os.userInfo().username || 'unknown';
  } catch {
    return process.env['USER'] ?? process.env['USERNAME'] ?? 'unknown';
  }
}
