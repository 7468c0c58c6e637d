// A console's drain in its own process, so a test can SIGKILL it mid-batch: argv = profile db file, team database
// URL, space, console id. It prints one line per committed batch.
import pg from 'pg';
import { drainOutbox } from '../../src/main/areas/team/drain-outbox.ts';
import { openDatabase } from '../../src/main/store/open-database.ts';
import { profileMigrations } from '../../src/main/store/profile-migrations/index.ts';

const [file, url, space, consoleId] = process.argv.slice(2) as [string, string, string, string];
const db = openDatabase(file, profileMigrations);
const client = new pg.Client(url);
await client.connect();
process.stdout.write('connected\n');
await drainOutbox(
  db,
  client,
  { space, consoleId, operator: 'child' },
  {
    batchRows: 25,
    onBatch: (result) => {
      process.stdout.write(`batch ${result.entries}\n`);
      // A pause between batches, so the parent's SIGKILL always lands before the drain could finish.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    },
  },
);
process.stdout.write('done\n');
await client.end();
db.close();
