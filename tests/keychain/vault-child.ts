// Child process of daemon-restart.test.ts: one keychain operation from a fresh console process. A `get`
// says only whether the value matched; the secret itself never reaches stdout.
import { createKeytarVault } from '../../src/main/kernel/vault/keytar-vault.ts';

const [operation, profileId, value] = process.argv.slice(2) as ['set' | 'get' | 'delete', string, string];
const vault = createKeytarVault();
if (operation === 'set') await vault.set(profileId, 'clientSecret', value);
if (operation === 'delete') await vault.delete(profileId, 'clientSecret');
const stored = await vault.get(profileId, 'clientSecret');
process.stdout.write(JSON.stringify({ found: stored !== null, matches: stored === value }));
