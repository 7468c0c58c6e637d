import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { TeamPage } from '../../src/renderer/src/features/team/TeamPage.tsx';
import { useTeam } from '../../src/renderer/src/features/team/team-store.ts';
import type { Profile, ProfileList } from '../../src/shared/contract/profiles.ts';
import type { Result } from '../../src/shared/contract/result.ts';
import { teamStatusSchema, type TeamLinkSettings, type TeamStatus } from '../../src/shared/contract/team.ts';
import { profileOf } from './profile-of.ts';
import { installFakeHubble, type FakeHubble } from './fake-hubble.ts';

const profile = profileOf;

const SIMULATOR = profile('simulator', 'Simulator', 'simulator');
const STAGING = profile('stg', 'Acme Staging', 'staging');
const OTHER_STAGING = profile('stg-2', 'Beta Staging', 'staging');
const CONSOLE_ID = 'c0ffee00-0000-4000-8000-000000000001';

const SETTINGS: TeamLinkSettings = {
  url: 'postgres://hubble_console@db.acme.internal:5432/hubble_team',
  tls: 'disable',
  caCertPath: null,
  space: 'acme-staging',
  operator: 'Priya',
};

function status(over: Partial<TeamStatus> = {}): TeamStatus {
  return teamStatusSchema.parse({
    profileId: STAGING.id,
    unlinkableReason: null,
    enabled: false,
    settings: null,
    passwordSet: false,
    state: 'off',
    message: null,
    consoleId: CONSOLE_ID,
    backlog: 0,
    shippedRows: 0,
    pulledRows: 0,
    lastShippedAt: null,
    lastPulledAt: null,
    schemaVersion: null,
    consoles: [],
    ...over,
  });
}

const ONLINE = status({
  enabled: true,
  settings: SETTINGS,
  passwordSet: true,
  state: 'online',
  shippedRows: 1_234,
  pulledRows: 56,
  lastShippedAt: Date.UTC(2026, 10, 26, 10, 0),
  lastPulledAt: Date.UTC(2026, 10, 26, 10, 1),
  schemaVersion: 1,
  consoles: [
    { consoleId: CONSOLE_ID, operator: 'Priya', self: true },
    { consoleId: 'c0ffee00-0000-4000-8000-000000000002', operator: 'Arjun', self: false },
  ],
});

type Answer = Result<unknown> | ((input: unknown) => Result<unknown>);

let hubble: FakeHubble;
const calls = (channel: string) => hubble.invocations.filter((call) => call.channel === channel);

/** A fake main over a profile list and a table of answers; `team.status` answers whatever `current` holds. */
function installMain(active: Profile, current: () => TeamStatus, answers: Record<string, Answer> = {}) {
  const list: ProfileList = {
    activeProfileId: active.id,
    profiles: [SIMULATOR, STAGING, OTHER_STAGING],
    welcomeDismissed: true,
  };
  hubble = installFakeHubble((channel, input) => {
    if (channel === 'team.status') return { ok: true, value: current() };
    if (channel === 'profiles.list') return { ok: true, value: list };
    const answer = answers[channel];
    if (!answer) return { ok: false, error: { kind: 'NOT_FOUND', message: `no fake for ${channel}` } };
    return typeof answer === 'function' ? answer(input) : answer;
  });
  useProfiles.setState({ list, error: null });
}

beforeEach(() => {
  useTeam.setState(useTeam.getInitialState());
});
afterEach(() => cleanup());

const renderPage = () => render(<TeamPage label="Team" purpose="" />);
const linkForm = () => screen.getByRole('form', { name: 'Team database' });
const stateLabel = () => screen.getByTestId('team-state');

describe('Team page', () => {
  it('on the Simulator profile says why it cannot be linked, and offers no form', async () => {
    const reason = 'The Simulator profile is this machine’s own demo world: its history is never shared with a team.';
    installMain(SIMULATOR, () => status({ profileId: 'simulator', unlinkableReason: reason, state: 'unlinkable' }));
    renderPage();
    const note = await screen.findByRole('note');
    expect(note.textContent).toContain(reason);
    expect(note.textContent).toContain('Switch to a staging or production profile');
    expect(screen.queryByRole('form', { name: 'Team database' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Team database password' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
  });

  it('on an unlinked staging profile shows the form and the password row first, and no link actions or counts', async () => {
    installMain(STAGING, () => status());
    renderPage();
    const form = await screen.findByRole('form', { name: 'Team database' });
    expect(stateLabel().textContent).toBe('Not linked');
    expect((within(form).getByLabelText('PostgreSQL URL') as HTMLInputElement).value).toBe('');
    expect((within(form).getByLabelText('Team space') as HTMLInputElement).value).toBe('staging');
    expect(within(form).getByRole('button', { name: 'Link this profile' })).toBeTruthy();
    expect(within(form).queryByRole('button', { name: 'Unlink' })).toBeNull();
    const password = screen.getByRole('form', { name: 'Team database password' });
    expect(within(password).getByTestId('teamDbPassword-status').textContent).toBe('Not set');
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Prepare database' })).toBeNull();
    expect(screen.queryByTestId('team-backlog')).toBeNull();
    expect(screen.getByText(/Until then nothing leaves this machine/)).toBeTruthy();
  });

  it('links with exactly the typed settings, then shows the answer of main', async () => {
    let current = status();
    installMain(STAGING, () => current, {
      'team.configure': () => {
        current = ONLINE;
        return { ok: true, value: ONLINE };
      },
    });
    renderPage();
    const form = await screen.findByRole('form', { name: 'Team database' });
    fireEvent.change(within(form).getByLabelText('PostgreSQL URL'), { target: { value: SETTINGS.url } });
    fireEvent.change(within(form).getByLabelText('TLS'), { target: { value: 'verify-full' } });
    // verify-full asks for the CA file; a private CA is one path.
    fireEvent.change(within(form).getByLabelText(/CA certificate/), { target: { value: '/etc/acme/ca.pem' } });
    fireEvent.change(within(form).getByLabelText('Team space'), { target: { value: 'acme-staging' } });
    fireEvent.change(within(form).getByLabelText('Your name on shared rows'), { target: { value: 'Priya' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Link this profile' }));

    await waitFor(() => expect(stateLabel().textContent).toBe('Online'));
    expect(calls('team.configure')).toHaveLength(1);
    expect(calls('team.configure')[0]!.input).toEqual({
      enabled: true,
      settings: { ...SETTINGS, tls: 'verify-full', caCertPath: '/etc/acme/ca.pem' },
      confirmationToken: undefined,
    });
    // The saved settings start a fresh draft: the form now edits the link it shows.
    const linked = linkForm();
    expect((within(linked).getByLabelText('PostgreSQL URL') as HTMLInputElement).value).toBe(SETTINGS.url);
    expect((within(linked).getByLabelText('TLS') as HTMLSelectElement).value).toBe('disable');
    expect(within(linked).getByRole('button', { name: 'Save and reconnect' })).toBeTruthy();
    expect(within(linked).getByRole('button', { name: 'Unlink' })).toBeTruthy();
  });

  it('unlinks with the saved settings and enabled false', async () => {
    installMain(STAGING, () => ONLINE, {
      'team.configure': () => ({ ok: true, value: status({ settings: SETTINGS }) }),
    });
    renderPage();
    fireEvent.click(await screen.findByRole('button', { name: 'Unlink' }));
    await waitFor(() => expect(calls('team.configure')).toHaveLength(1));
    expect(calls('team.configure')[0]!.input).toEqual({
      enabled: false,
      settings: SETTINGS,
      confirmationToken: undefined,
    });
  });

  it('shows main’s refusal (a URL carrying a password) and keeps what was typed', async () => {
    const refusal =
      'The URL carries a password. Leave it out and set the team database password: it is kept in the OS keychain.';
    installMain(STAGING, () => status(), {
      'team.configure': { ok: false, error: { kind: 'VALIDATION', message: refusal } },
    });
    renderPage();
    const form = await screen.findByRole('form', { name: 'Team database' });
    const typed = 'postgres://hubble_console:hunter2@db.acme.internal/hubble_team';
    fireEvent.change(within(form).getByLabelText('PostgreSQL URL'), { target: { value: typed } });
    fireEvent.change(within(form).getByLabelText('Your name on shared rows'), { target: { value: 'Priya' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Link this profile' }));

    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain(refusal);
    expect((within(form).getByLabelText('PostgreSQL URL') as HTMLInputElement).value).toBe(typed);
    expect(stateLabel().textContent).toBe('Not linked');
  });

  it('names the field of a contract refusal (an empty operator name)', async () => {
    installMain(STAGING, () => status(), {
      'team.configure': {
        ok: false,
        error: {
          kind: 'VALIDATION',
          message: 'Invalid input',
          details: {
            issues: [{ path: 'settings.operator', message: 'Too small: expected string to have >=1 characters' }],
          },
        },
      },
    });
    renderPage();
    const form = await screen.findByRole('form', { name: 'Team database' });
    fireEvent.submit(form);
    const alert = await within(form).findByRole('alert');
    expect(alert.textContent).toContain('settings.operator: Too small');
  });

  it('online: the state, the counts, the schema and the consoles of the space, this one marked', async () => {
    installMain(STAGING, () => ONLINE);
    renderPage();
    await waitFor(() => expect(stateLabel().textContent).toBe('Online'));
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('team-backlog').textContent).toBe('empty');
    const facts = screen.getByRole('region', { name: 'Team link status' });
    expect(facts.textContent).toContain('1,234 / 56 rows');
    expect(facts.textContent).toContain('version 1');
    const consoles = within(facts)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(consoles).toEqual([`Priya ${CONSOLE_ID} (this console)`, 'Arjun c0ffee00-0000-4000-8000-000000000002']);
  });

  it('offline: says changes wait, with the backlog, and the reason as a note rather than an alarm', async () => {
    const reason = 'The team database cannot be reached (ECONNREFUSED). 1234 changes wait in the outbox.';
    installMain(STAGING, () => status({ ...ONLINE, state: 'offline', message: reason, backlog: 1_234 }));
    renderPage();
    await waitFor(() => expect(stateLabel().textContent).toBe('Offline — changes wait in the outbox'));
    expect(screen.getByTestId('team-backlog').textContent).toBe('1,234 changes waiting');
    expect(screen.getByText(reason)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('error: needs attention, with main’s words in an alert', async () => {
    const reason = 'The team database refused the login: password authentication failed for user "hubble_console"';
    installMain(STAGING, () => status({ ...ONLINE, state: 'error', message: reason, backlog: 7 }));
    renderPage();
    await waitFor(() => expect(stateLabel().textContent).toBe('Needs attention'));
    expect(screen.getByRole('alert').textContent).toBe(reason);
    expect(screen.getByTestId('team-backlog').textContent).toBe('7 changes waiting');
  });

  it('prepares the database and says so; a refusal is shown in main’s words', async () => {
    const refusal =
      "The team database is at schema 0; this console needs 1, and its login may not create tables. Prepare the database once with the owner's login (docs/team.md).";
    let prepared = 0;
    installMain(STAGING, () => status({ ...ONLINE, state: 'error', message: 'not prepared', schemaVersion: 0 }), {
      'team.prepareDatabase': () =>
        (prepared += 1) === 1
          ? { ok: false, error: { kind: 'VALIDATION', message: refusal } }
          : { ok: true, value: ONLINE },
    });
    renderPage();
    const actions = await screen.findByRole('group', { name: 'Team link actions' });
    fireEvent.click(within(actions).getByRole('button', { name: 'Prepare database' }));
    expect((await within(actions).findByRole('status')).textContent).toBe(refusal);
    fireEvent.click(within(actions).getByRole('button', { name: 'Prepare database' }));
    await waitFor(() => expect(within(actions).getByRole('status').textContent).toBe('The team database is prepared.'));
    expect(calls('team.prepareDatabase')).toHaveLength(2);
  });

  it('“Sync now” says Synced only when the link is online; an offline sync says why it did not ship', async () => {
    const offline = status({
      ...ONLINE,
      state: 'offline',
      backlog: 12,
      message: 'The team database cannot be reached (ECONNREFUSED). 12 changes wait in the outbox.',
    });
    let answer = offline;
    installMain(STAGING, () => answer, { 'team.syncNow': () => ({ ok: true, value: answer }) });
    renderPage();
    const actions = await screen.findByRole('group', { name: 'Team link actions' });
    fireEvent.click(within(actions).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(calls('team.syncNow')).toHaveLength(1));
    const said = await within(actions).findByRole('status');
    expect(said.textContent).not.toBe('Synced.');
    expect(said.textContent).toContain('cannot be reached');

    answer = ONLINE;
    fireEvent.click(within(actions).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(within(actions).getByRole('status').textContent).toBe('Synced.'));
  });

  it('switching profiles never carries one profile’s draft over to the other', async () => {
    let active = STAGING.id;
    installMain(STAGING, () => (active === STAGING.id ? status() : status({ profileId: OTHER_STAGING.id })));
    renderPage();
    const form = await screen.findByRole('form', { name: 'Team database' });
    fireEvent.change(within(form).getByLabelText('PostgreSQL URL'), {
      target: { value: 'postgres://acme@db.acme.internal/acme_team' },
    });

    active = OTHER_STAGING.id;
    useProfiles.setState((state) => ({ list: { ...state.list!, activeProfileId: OTHER_STAGING.id } }));
    await waitFor(() => expect(calls('team.status').length).toBeGreaterThanOrEqual(2));
    await waitFor(() =>
      expect((within(linkForm()).getByLabelText('PostgreSQL URL') as HTMLInputElement).value).toBe(''),
    );
  });

  it('switching profiles shows neither the previous profile’s link nor what its last action said', async () => {
    let active = STAGING.id;
    let answerOther: (() => void) | null = null;
    installMain(STAGING, () => (active === STAGING.id ? ONLINE : status({ profileId: OTHER_STAGING.id })), {
      'team.syncNow': () => ({ ok: true, value: ONLINE }),
    });
    renderPage();
    const actions = await screen.findByRole('group', { name: 'Team link actions' });
    fireEvent.click(within(actions).getByRole('button', { name: 'Sync now' }));
    await waitFor(() => expect(within(actions).getByRole('status').textContent).toBe('Synced.'));

    // The other profile's status is slow to come: until it does, nothing of the first profile stays on screen.
    const statusOfOther = new Promise<void>((resolve) => (answerOther = resolve));
    const realStatus = window.hubble.team.status;
    Object.defineProperty(window, 'hubble', {
      configurable: true,
      value: {
        ...window.hubble,
        team: {
          ...window.hubble.team,
          status: async () => {
            await statusOfOther;
            return realStatus();
          },
        },
      },
    });
    active = OTHER_STAGING.id;
    useProfiles.setState((state) => ({ list: { ...state.list!, activeProfileId: OTHER_STAGING.id } }));
    await waitFor(() => expect(screen.getByText('Reading the team link…')).toBeTruthy());
    expect(screen.queryByText('Online')).toBeNull();
    answerOther!();
    await waitFor(() => expect(stateLabel().textContent).toBe('Not linked'));
    // The other profile is not linked, so it has no link actions at all, and the first one's "Synced." is gone.
    expect(screen.queryByRole('group', { name: 'Team link actions' })).toBeNull();
    expect(screen.queryByText('Synced.')).toBeNull();
  });
});
