// The receiver's writer thread, except that a batch holding a body with "die-now" ends the thread before it is
// committed (writer-thread.test.ts): what a crash of the writer looks like from main.
import { parentPort } from 'node:worker_threads';
import type { WriterRequest } from '../../../src/main/areas/receiver/delivery-writer-protocol.ts';

parentPort!.on('message', (request: WriterRequest) => {
  if (request.kind === 'verified' && Buffer.from(request.bodies).includes('die-now')) process.exit(1);
});
await import('../../../src/main/areas/receiver/delivery-writer-worker.ts');
