import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_EPOCH_MS } from '../../../src/shared/contract/epoch-ms.ts';
import { startFuzzedConsole, type FuzzedConsole } from './fuzz/console-under-fuzz.ts';

/**
 * Found by the IPC fuzz: wallet.exportCsv with `to` = Number.MAX_SAFE_INTEGER answered INTERNAL (the export's file
 * name formats `to` as a date, and no Date holds that time). Every time a channel takes is a time a Date holds:
 * one past the last is refused as bad input, the last itself is answered.
 */
const timeRangeCalls: [channel: string, input: (from: number, to: number) => unknown][] = [
  ['wallet.samples', (from, to) => ({ from, to })],
  ['wallet.exportCsv', (from, to) => ({ from, to })],
  ['calls.search', (from, to) => ({ filters: { from, to } })],
  ['calls.exportCsv', (from, to) => ({ filters: { from, to } })],
  ['orders.search', (from, to) => ({ filters: { from, to } })],
  ['catalog.changes', (from, to) => ({ from, to })],
];

let fuzz: FuzzedConsole;
beforeAll(async () => {
  fuzz = await startFuzzedConsole();
  await fuzz.seed();
});
afterAll(async () => {
  await fuzz?.stop();
});

describe('time ranges at the edge of what a Date holds', () => {
  it.each(timeRangeCalls)(
    '%s refuses a time past the last a Date holds and answers up to it',
    async (channel, input) => {
      for (const past of [MAX_EPOCH_MS + 1, Number.MAX_SAFE_INTEGER]) {
        const refused = await fuzz.dispatch(channel, input(0, past));
        expect(refused.ok ? 'answered' : refused.error.kind).toBe('VALIDATION');
      }
      const answered = await fuzz.dispatch(channel, input(0, MAX_EPOCH_MS));
      expect(answered.ok ? 'answered' : `${answered.error.kind}: ${answered.error.message}`).toBe('answered');
      expect(fuzz.unexpectedErrors).toEqual([]);
    },
  );
});
