import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useLogImport } from '../../src/renderer/src/features/log-import/log-import-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { WebhooksPage } from '../../src/renderer/src/features/webhooks/WebhooksPage.tsx';
import { useWebhooksTab } from '../../src/renderer/src/features/webhooks/webhooks-tab-store.ts';
import type { ImportRun } from '../../src/shared/contract/logImport.ts';
import { installFakeHubble, simulatorOnlyProfiles, type FakeHubble } from './fake-hubble.ts';

const FILE = '/var/log/partner/calls.jsonl';
const guessed = { timestamp: 'ts', method: 'method', path: 'path', status: 'status', requestId: 'rid' };
const call = (line: number) => ({
  at: Date.UTC(2025, 4, 1, 10, 0, line),
  method: 'GET',
  path: `/v1/partners/orders/ord_${line}`,
  status: 200,
  latencyMs: 42,
  requestId: `rid-${line}`,
  orderId: `ord_${line}`,
  referenceId: null,
  amount: null,
  brand: null,
});

let fake: FakeHubble;
let saved: Record<string, string> | null;
let lastRun: ImportRun | null;
/** What the desktop's file dialog answers: a path, null (cancelled), or none at all (the browser harness). */
let dialog: { path: string | null } | 'no dialog';
const NO_DIALOG = 'A file dialog is not available here (the console runs in a browser): type the path of the log file.';

beforeEach(() => {
  saved = null;
  lastRun = null;
  dialog = 'no dialog';
  fake = installFakeHubble((channel, input) => {
    const given = input as Record<string, unknown> | undefined;
    if (channel === 'logImport.chooseFile')
      return dialog === 'no dialog'
        ? { ok: false, error: { kind: 'UNAVAILABLE', message: NO_DIALOG } }
        : { ok: true, value: dialog };
    if (channel === 'logImport.preview' && given?.['path'] === '/nope.csv')
      return { ok: false, error: { kind: 'NOT_FOUND', message: 'No file at /nope.csv.' } };
    const value = (() => {
      switch (channel) {
        case 'logImport.preview':
          return {
            format: 'jsonl',
            columns: ['ts', 'method', 'path', 'status', 'rid', 'http.latency'],
            mapping: (given?.['mapping'] as Record<string, string> | undefined) ?? saved ?? guessed,
            rows: [
              { line: 1, call: call(1), reasons: [] },
              { line: 2, call: null, reasons: ['timestamp: missing', 'status: not a number'] },
              { line: 3, call: call(3), reasons: [] },
            ],
          };
        case 'logImport.mapping':
          return { mapping: saved };
        case 'logImport.saveMapping':
          saved = given!['mapping'] as Record<string, string>;
          return { mapping: saved };
        case 'logImport.start':
          return { job: 'log-import.run' };
        case 'logImport.cancel':
          return { cancelled: true };
        case 'logImport.lastRun':
          return { run: lastRun };
        case 'logImport.follows':
          return { follows: [] };
        case 'logImport.follow':
          return { follows: [{ path: FILE, format: 'jsonl', offset: 0, line: 0 }] };
        case 'logImport.unfollow':
          return { follows: [] };
        default:
          return undefined;
      }
    })();
    return value === undefined ? { ok: false, error: { kind: 'NOT_FOUND', message: channel } } : { ok: true, value };
  });
  useProfiles.setState({ list: simulatorOnlyProfiles as never, error: null });
  useLogImport.setState(useLogImport.getInitialState());
  useWebhooksTab.setState({ tab: 'import' });
});
afterEach(cleanup);

const calls = (channel: string) => fake.invocations.filter((entry) => entry.channel === channel);
const progress = (payload: Partial<{ done: number; total: number | null; message: string; state: string }>) =>
  act(() =>
    fake.emit('jobs.progress', {
      job: 'log-import.run',
      profileId: 'simulator',
      done: 0,
      total: 1000,
      message: null,
      state: 'running',
      ...payload,
    }),
  );

async function previewFile() {
  render(<WebhooksPage />);
  fireEvent.change(screen.getByLabelText('Log file path'), { target: { value: FILE } });
  fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
  await screen.findByRole('table', { name: 'Preview' });
}

describe('Webhooks → Import logs', () => {
  it('previews a file with the guessed mapping, bad rows by line number with their reasons', async () => {
    await previewFile();
    expect(calls('logImport.preview')[0]!.input).toEqual({ path: FILE });
    expect(screen.getByRole('status', { name: 'Preview summary' }).textContent).toBe(
      '3 rows previewed, 1 would be rejected.',
    );
    const rows = within(screen.getByRole('table', { name: 'Preview' })).getAllByRole('row');
    expect(rows[2]!.textContent).toBe('2Rejected: timestamp: missing; status: not a number');
    expect(rows[1]!.textContent).toContain('rid-1');
    expect((screen.getByLabelText('Timestamp (required)') as HTMLInputElement).value).toBe('ts');
  });

  it('edits the mapping, previews with it and saves it for the profile', async () => {
    await previewFile();
    fireEvent.change(screen.getByLabelText('Latency (ms)'), { target: { value: 'http.latency' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview with this mapping' }));
    await waitFor(() =>
      expect(calls('logImport.preview').at(-1)!.input).toEqual({
        path: FILE,
        mapping: { ...guessed, latencyMs: 'http.latency' },
      }),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Save mapping for this profile' }));
    await screen.findByRole('button', { name: 'Mapping saved for this profile' });
    expect(calls('logImport.saveMapping')[0]!.input).toEqual({
      format: 'jsonl',
      mapping: { ...guessed, latencyMs: 'http.latency' },
    });
  });

  it('starts an import, shows progress from jobs.progress, cancels, then the last run with its bad rows', async () => {
    await previewFile();
    fireEvent.click(screen.getByRole('button', { name: 'Import this file' }));
    await waitFor(() => expect(calls('logImport.start')).toHaveLength(1));
    expect(calls('logImport.start')[0]!.input).toEqual({ path: FILE, mapping: guessed });

    progress({ done: 250, total: 1000, message: 'Importing 250 B of 1000 B' });
    const bar = screen.getByRole('progressbar', { name: 'Import progress' }) as HTMLProgressElement;
    expect(bar.value).toBe(250);
    expect(bar.max).toBe(1000);
    expect(screen.getByRole('status', { name: 'Import status' }).textContent).toBe('Importing 250 B of 1000 B (25%)');
    expect((screen.getByRole('button', { name: 'Import this file' }) as HTMLButtonElement).disabled).toBe(true);
    // Another profile's import, or another job, is not this one.
    progress({ done: 900, profileId: 'acme' } as never);
    expect(bar.value).toBe(250);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel import' }));
    await waitFor(() => expect(calls('logImport.cancel')).toHaveLength(1));

    lastRun = {
      file: FILE,
      format: 'jsonl',
      state: 'cancelled',
      rows: 3,
      imported: 2,
      duplicates: 0,
      rejected: 1,
      issues: [{ line: 2, reasons: ['timestamp: missing'] }],
    };
    progress({ done: 400, state: 'cancelled' });
    const summary = await screen.findByRole('region', { name: 'Last import' });
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(within(summary).getByRole('heading').textContent).toContain('Cancelled');
    expect(within(summary).getByLabelText('Imported').textContent).toBe('2');
    expect(within(summary).getByRole('list', { name: 'Rejected rows' }).textContent).toBe('Line 2: timestamp: missing');
  });

  it('follows and unfollows a file', async () => {
    await previewFile();
    fireEvent.click(screen.getByRole('button', { name: 'Follow this file' }));
    const list = await screen.findByRole('list', { name: 'Followed files' });
    expect(list.textContent).toContain(FILE);
    fireEvent.click(within(list).getByRole('button', { name: `Stop following ${FILE}` }));
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Followed files' })).toBeNull());
    expect(calls('logImport.unfollow')[0]!.input).toEqual({ path: FILE });
  });

  it('an error from main (no such file) is shown in its words', async () => {
    render(<WebhooksPage />);
    fireEvent.change(screen.getByLabelText('Log file path'), { target: { value: '/nope.csv' } });
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    expect((await screen.findByRole('alert')).textContent).toContain('No file at /nope.csv.');
    expect((screen.getByRole('button', { name: 'Import this file' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('"Choose file…" puts the path the desktop dialog returns in the field; a cancel leaves the typed path', async () => {
    render(<WebhooksPage />);
    const field = screen.getByLabelText('Log file path') as HTMLInputElement;
    fireEvent.change(field, { target: { value: '/typed/by/hand.csv' } });

    dialog = { path: null };
    fireEvent.click(screen.getByRole('button', { name: 'Choose file…' }));
    await waitFor(() => expect(calls('logImport.chooseFile')).toHaveLength(1));
    await waitFor(() =>
      expect((screen.getByRole('button', { name: 'Choose file…' }) as HTMLButtonElement).disabled).toBe(false),
    );
    expect(field.value).toBe('/typed/by/hand.csv');

    dialog = { path: FILE };
    fireEvent.click(screen.getByRole('button', { name: 'Choose file…' }));
    await waitFor(() => expect(field.value).toBe(FILE));
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('table', { name: 'Preview' });
    expect(calls('logImport.preview')[0]!.input).toEqual({ path: FILE });
  });

  it('without a file dialog (the browser harness) says to type the path, and the typed path stays', async () => {
    render(<WebhooksPage />);
    const field = screen.getByLabelText('Log file path') as HTMLInputElement;
    fireEvent.change(field, { target: { value: FILE } });
    fireEvent.click(screen.getByRole('button', { name: 'Choose file…' }));
    expect((await screen.findByText(NO_DIALOG)).getAttribute('role')).toBe('status');
    expect(field.value).toBe(FILE);
    fireEvent.click(screen.getByRole('button', { name: 'Preview' }));
    await screen.findByRole('table', { name: 'Preview' });
    expect(calls('logImport.preview')[0]!.input).toEqual({ path: FILE });
  });
});
