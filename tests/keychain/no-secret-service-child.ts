// Child process of fail-closed.test.ts: a console whose keychain cannot be reached tries to store a secret.
import { createConsoleCore } from '../../src/main/app/console-core.ts';
import { defaultProfileSettings, type Profile } from '../../src/shared/contract/profiles.ts';

const [dataDir, secret] = process.argv.slice(2) as [string, string];
const ctx = { shell: 'browser-harness' } as const;
const core = createConsoleCore({ dataDir, shell: 'browser-harness', version: 'test' });
await core.start();
const created = await core.router.dispatch(
  'profiles.create',
  { settings: { ...defaultProfileSettings('staging', 'No keychain'), clientId: 'nk' } },
  ctx,
);
const profile = (created as { ok: true; value: Profile }).value;
const set = await core.router.dispatch(
  'profiles.setSecret',
  { profileId: profile.id, kind: 'clientSecret', value: secret },
  ctx,
);
const test = await core.router.dispatch('profiles.testConnection', { profileId: profile.id }, ctx);
const after = await core.router.dispatch('profiles.list', undefined, ctx);
await core.stop();
process.stdout.write(JSON.stringify({ set, test, after, platform: process.platform }));
