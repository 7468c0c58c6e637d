import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GoLivePage } from '../../src/renderer/src/features/go-live/GoLivePage.tsx';
import { useGoLive } from '../../src/renderer/src/features/go-live/go-live-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import {
  goLiveComparisonSchema,
  goLiveRunSchema,
  type GoLiveItem,
  type GoLiveRun,
} from '../../src/shared/contract/goLive.ts';
import { installFakeHubble, type Invocation } from './fake-hubble.ts';

const profile = (id: string, name: string, environment: string) => ({
  id,
  name,
  environment,
  baseUrl: environment === 'production' ? 'https://api.myhubble.money' : 'https://api.dev.myhubble.money',
  colour: '#dc2626',
  builtIn: false,
});
const PROFILES = {
  activeProfileId: 'simulator',
  profiles: [
    profile('simulator', 'Simulator', 'simulator'),
    profile('stg', 'Acme Staging', 'staging'),
    profile('prod', 'Acme Production', 'production'),
  ],
  welcomeDismissed: true,
};

const item = (over: Partial<GoLiveItem> & Pick<GoLiveItem, 'id' | 'status'>): GoLiveItem => ({
  section: 'authentication',
  title: over.id,
  summary: `${over.id} summary`,
  evidence: [],
  fix: null,
  confirmable: false,
  confirmation: null,
  ...over,
});

function runOf(id: number, items: GoLiveItem[]): GoLiveRun {
  const counts = { passed: 0, failed: 0, operator: 0 };
  for (const entry of items) counts[entry.status] += 1;
  return goLiveRunSchema.parse({
    id,
    profileId: 'prod',
    profileName: 'Acme Production',
    environment: 'production',
    mode: 'production',
    counterpartId: 'stg',
    counterpartName: 'Acme Staging',
    startedAt: Date.UTC(2026, 0, 5, 9, id),
    finishedAt: Date.UTC(2026, 0, 5, 9, id, 2),
    by: 'asha',
    counts,
    ready: counts.failed === 0 && counts.operator === 0,
    baseUrl: 'https://api.myhubble.money',
    networkAddresses: [{ interface: 'eth0', address: '203.0.113.7', family: 'IPv4' }],
    items,
  });
}

const LOGIN = item({
  id: 'login',
  status: 'passed',
  title: 'Login works with these credentials',
  evidence: [{ label: 'Login', value: 'HTTP 200, 41 ms', requestId: 'req-login-1', at: Date.UTC(2026, 0, 5, 9, 1) }],
});
const IP = item({
  id: 'ip-not-refused',
  section: 'ip-whitelisting',
  status: 'failed',
  title: 'A call from this machine is not refused with 403',
  summary: 'The wallet call was refused with 403 (Invalid Access).',
  fix: 'Send Hubble the static outgoing IP. This machine’s addresses: 203.0.113.7.',
});
const TOP_UP = item({
  id: 'top-up-process',
  section: 'wallet',
  status: 'operator',
  title: 'A process for wallet top-ups exists',
  summary: 'Only your team knows this.',
  fix: 'Confirm who tops up the wallet.',
  confirmable: true,
});

let invocations: Invocation[];
let answers: Record<string, (input: never) => unknown>;

function installGoLive() {
  const fake = installFakeHubble((channel) =>
    channel === 'profiles.list'
      ? { ok: true, value: PROFILES }
      : { ok: false, error: { kind: 'NOT_FOUND', message: channel } },
  );
  invocations = fake.invocations;
  // goLive.* as the contract will expose it once registered, over the same record of calls.
  const goLive = Object.fromEntries(
    ['run', 'runs', 'get', 'confirm', 'compare', 'exportMarkdown', 'exportPdf'].map((name) => [
      name,
      async (input: unknown) => {
        invocations.push({ channel: `goLive.${name}`, input });
        return answers[name]!(input as never);
      },
    ]),
  );
  Object.defineProperty(window, 'hubble', { configurable: true, value: { ...window.hubble, goLive } });
}

beforeEach(() => {
  useGoLive.setState(useGoLive.getInitialState());
  useProfiles.setState({ list: null } as never);
  let stored: GoLiveRun[] = [];
  answers = {
    run: () => {
      const run = runOf(stored.length + 1, [LOGIN, IP, TOP_UP]);
      stored = [run, ...stored];
      return { ok: true, value: run };
    },
    runs: () => ({
      ok: true,
      value: { runs: stored.map(({ items: _i, networkAddresses: _n, baseUrl: _b, ...summary }) => summary) },
    }),
    get: ({ runId }: { runId: number }) => ({ ok: true, value: stored.find((run) => run.id === runId) }),
    confirm: ({ itemId, note }: { itemId: string; note: string }) => {
      const confirmation = { by: 'asha', at: Date.UTC(2026, 0, 5, 10), note };
      const updated = runOf(stored[0]!.id, [
        LOGIN,
        IP,
        {
          ...TOP_UP,
          status: 'passed',
          confirmable: false,
          confirmation,
          fix: null,
          summary: `Confirmed by asha: ${note}`,
        },
      ]);
      expect(itemId).toBe('top-up-process');
      stored = [updated, ...stored.slice(1)];
      return { ok: true, value: updated };
    },
    compare: ({ beforeRunId, afterRunId }: { beforeRunId: number; afterRunId: number }) => ({
      ok: true,
      value: goLiveComparisonSchema.parse({
        // the schema keeps only a run's summary
        before: stored.find((run) => run.id === beforeRunId),
        after: stored.find((run) => run.id === afterRunId),
        changes: [
          {
            itemId: 'ip-not-refused',
            title: IP.title,
            before: 'failed',
            after: 'passed',
            beforeSummary: IP.summary,
            afterSummary: 'Hubble answered.',
          },
        ],
        unchanged: 2,
      }),
    }),
    exportMarkdown: () => ({ ok: true, value: { fileName: 'go-live.md', markdown: '# Go-Live' } }),
    exportPdf: () => ({
      ok: false,
      error: { kind: 'UNAVAILABLE', message: 'PDF export is printed by the desktop app.' },
    }),
  };
  installGoLive();
});
afterEach(cleanup);

const calls = (channel: string) => invocations.filter((call) => call.channel === channel).map((call) => call.input);

async function runOnce() {
  render(<GoLivePage label="Go-Live" purpose="Hubble's pre-launch checklist." />);
  const check = await screen.findByLabelText('Check');
  await waitFor(() => expect((check as HTMLSelectElement).value).toBe('prod'));
  expect((screen.getByLabelText('Compare with (staging)') as HTMLSelectElement).value).toBe('stg');
  fireEvent.click(screen.getByRole('button', { name: 'Run the checklist' }));
  await screen.findByText(/Not ready yet: 1 passed, 1 failed, 1 waiting for you\./);
}

describe('Go-Live page', () => {
  it('checks the production profile against its staging one and shows each verdict in words, with evidence and the fix', async () => {
    await runOnce();
    expect(calls('goLive.run')).toEqual([{ profileId: 'prod', counterpartId: 'stg' }]);
    const ip = screen.getByText(IP.title).closest('li')!;
    expect(within(ip).getByText('Failed')).toBeTruthy();
    expect(ip.textContent).toContain('What to do: Send Hubble the static outgoing IP');
    const login = screen.getByText(LOGIN.title).closest('li')!;
    expect(within(login).getByText('Passed')).toBeTruthy();
    expect(within(login).getByText('req-login-1')).toBeTruthy();
    // only rehearsal-able environments are offered: production first, the Simulator never
    const options = [...(screen.getByLabelText('Check') as HTMLSelectElement).options].map((option) => option.text);
    expect(options).toEqual(['Acme Production (production)', 'Acme Staging (staging rehearsal)']);
  });

  it('records the operator’s confirmation of an item the console cannot check', async () => {
    await runOnce();
    const topUp = screen.getByText(TOP_UP.title).closest('li')!;
    expect(within(topUp).getByText('Needs you')).toBeTruthy();
    fireEvent.change(within(topUp).getByLabelText('Note (optional)'), { target: { value: 'finance, same day' } });
    fireEvent.click(within(topUp).getByRole('button', { name: 'I confirm this' }));
    await waitFor(() =>
      expect(calls('goLive.confirm')).toEqual([
        { profileId: 'prod', runId: 1, itemId: 'top-up-process', note: 'finance, same day' },
      ]),
    );
    const confirmed = screen.getByText(TOP_UP.title).closest('li')!;
    await waitFor(() => expect(within(confirmed).getByText('Passed')).toBeTruthy());
    expect(confirmed.textContent).toContain('Confirmed by asha on');
    expect(within(confirmed).queryByRole('button', { name: 'I confirm this' })).toBeNull();
  });

  it('compares two runs, and opens the printable report when main cannot print a PDF', async () => {
    await runOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Run the checklist' }));
    await waitFor(() => expect(screen.getAllByRole('button', { name: /^Run #/ })).toHaveLength(2));
    fireEvent.click(screen.getByRole('button', { name: 'Compare' }));
    await screen.findByText('What changed from run #1 to run #2');
    expect(calls('goLive.compare')).toEqual([{ profileId: 'prod', beforeRunId: 1, afterRunId: 2 }]);
    const table = screen.getByRole('table');
    expect(within(table).getByText(IP.title)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Export PDF' }));
    await screen.findByRole('heading', { name: 'Go-Live checklist: Acme Production' });
    expect(screen.getByRole('status').textContent).toContain('PDF export is printed by the desktop app.');
    const report = screen.getByRole('article');
    expect(report.textContent).toContain('X-REQUEST-ID req-login-1');
    expect(report.textContent).toContain(new Date(Date.UTC(2026, 0, 5, 9, 1)).toISOString());
    fireEvent.click(screen.getByRole('button', { name: 'Back to the checklist' }));
    await screen.findByRole('button', { name: 'Run the checklist' });
  });

  it('downloads the Markdown report main built', async () => {
    const created = vi.spyOn(URL, 'createObjectURL').mockReturnValue('blob:report');
    await runOnce();
    fireEvent.click(screen.getByRole('button', { name: 'Export Markdown' }));
    await screen.findByText('Saved go-live.md.');
    expect(calls('goLive.exportMarkdown')).toEqual([{ profileId: 'prod', runId: 1 }]);
    expect(created).toHaveBeenCalledOnce();
    created.mockRestore();
  });
});
