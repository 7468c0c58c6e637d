import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TitleBar } from '../../src/renderer/src/app/TitleBar.tsx';
import { ProfilesPage } from '../../src/renderer/src/features/profiles/ProfilesPage.tsx';
import { WelcomeBlock } from '../../src/renderer/src/features/profiles/WelcomeBlock.tsx';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import type { ProfileList } from '../../src/shared/contract/profiles.ts';
import { profileOf, UNSET } from './profile-of.ts';
import { installFakeHubble } from './fake-hubble.ts';

const profile = profileOf;

/** A fake main: answers from `handlers`, records every call the page makes. */
function fakeMain(list: ProfileList, handlers: Record<string, (input: unknown) => unknown> = {}) {
  let state = list;
  const answers: Record<string, (input: unknown) => unknown> = {
    'profiles.list': () => state,
    'audit.list': () => ({ entries: [] }),
    'profiles.setActive': (input) => {
      state = { ...state, activeProfileId: (input as { profileId: string }).profileId };
      return state;
    },
    'profiles.dismissWelcome': () => {
      state = { ...state, welcomeDismissed: true };
      return state;
    },
    ...handlers,
  };
  const { invocations } = installFakeHubble((channel, input) => {
    const answer = answers[channel];
    if (!answer) return { ok: false, error: { kind: 'NOT_FOUND', message: `no fake for ${channel}` } };
    try {
      return { ok: true, value: answer(input) };
    } catch (error) {
      return { ok: false, error: error as { kind: string; message: string } };
    }
  });
  return { calls: invocations, setList: (next: ProfileList) => (state = next) };
}

const simulator = profile('simulator', 'Simulator', 'simulator');
const staging = profile('stg', 'Acme Staging', 'staging');
const production = profile('prd', 'Acme Production', 'production');

beforeEach(() => useProfiles.setState({ list: null, error: null }));
afterEach(() => cleanup());

async function loaded(list: ProfileList) {
  await act(async () => useProfiles.getState().load());
  expect(useProfiles.getState().list).toEqual(list);
}

describe('title bar and profile switcher', () => {
  it('switches profile from the title bar and shows production unmistakably', async () => {
    const list = { activeProfileId: 'stg', profiles: [simulator, staging, production], welcomeDismissed: false };
    const main = fakeMain(list);
    await loaded(list);
    render(<TitleBar />);
    expect(screen.getByLabelText('Active profile').textContent).toContain('Acme Staging');
    expect(screen.queryByLabelText('Production warning')).toBeNull();
    const switcher = screen.getByLabelText<HTMLSelectElement>('Switch profile');
    expect([...switcher.options].map((option) => option.textContent)).toEqual([
      'Simulator (simulated)',
      'Acme Staging (staging)',
      'Acme Production (PRODUCTION)',
    ]);

    await act(async () => fireEvent.change(switcher, { target: { value: 'prd' } }));
    expect(main.calls.find((call) => call.channel === 'profiles.setActive')?.input).toEqual({ profileId: 'prd' });
    await waitFor(() => expect(screen.getByLabelText('Production warning').textContent).toContain('PRODUCTION'));
    expect(screen.getByLabelText('Production warning').textContent).toContain('Acme Production');
  });
});

describe('production confirmation', () => {
  it('deletes a production profile only after its exact name is typed, passing main’s token', async () => {
    const list = { activeProfileId: 'simulator', profiles: [simulator, production], welcomeDismissed: true };
    const main = fakeMain(list, {
      'guard.confirm': (input) => {
        const { typedName } = input as { typedName: string };
        if (typedName !== 'Acme Production') throw { kind: 'VALIDATION', message: 'Type the profile name exactly' };
        return { token: 'single-use-token', expiresAt: '2025-06-01T10:01:00.000Z' };
      },
      'profiles.delete': () => ({ deleted: true, removedFiles: 0 }),
    });
    await loaded(list);
    render(
      <>
        <TitleBar />
        <ProfilesPage />
      </>,
    );
    const item = screen.getByRole('listitem', { name: 'Acme Production' });
    await act(async () => fireEvent.click(item.querySelector('button.button-danger')!));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('PRODUCTION');
    const confirm = screen.getByRole('button', { name: 'Confirm on production' });
    const typed = screen.getByLabelText(/Type the profile name/);
    fireEvent.change(typed, { target: { value: 'acme production' } });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.change(typed, { target: { value: 'Acme Production' } });
    expect(confirm).toHaveProperty('disabled', false);
    await act(async () => fireEvent.click(confirm));
    await waitFor(() => expect(main.calls.some((call) => call.channel === 'profiles.delete')).toBe(true));
    expect(main.calls.find((call) => call.channel === 'guard.confirm')?.input).toEqual({
      profileId: 'prd',
      operation: 'profiles.delete',
      typedName: 'Acme Production',
    });
    expect(main.calls.find((call) => call.channel === 'profiles.delete')?.input).toEqual({
      profileId: 'prd',
      confirmationToken: 'single-use-token',
    });
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('does nothing when the operator cancels', async () => {
    const list = { activeProfileId: 'simulator', profiles: [simulator, production], welcomeDismissed: true };
    const main = fakeMain(list);
    await loaded(list);
    render(
      <>
        <TitleBar />
        <ProfilesPage />
      </>,
    );
    await act(async () =>
      fireEvent.click(screen.getByRole('listitem', { name: 'Acme Production' }).querySelector('button.button-danger')!),
    );
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: 'Cancel' })));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(main.calls.map((call) => call.channel)).not.toContain('profiles.delete');
    expect(main.calls.map((call) => call.channel)).not.toContain('guard.confirm');
  });
});

describe('secrets on the Profiles page', () => {
  it('sends a secret to main, then forgets it: the page shows only whether it is set', async () => {
    const list = { activeProfileId: 'stg', profiles: [simulator, staging], welcomeDismissed: true };
    const main = fakeMain(list, {
      'profiles.setSecret': () => {
        main.setList({
          ...list,
          profiles: [
            simulator,
            {
              ...staging,
              secrets: {
                clientSecret: { set: true, updatedAt: '2025-06-01T10:00:00.000Z' },
                webhookSecret: UNSET,
                teamDbPassword: UNSET,
              },
            },
          ],
        });
        return { set: true, updatedAt: '2025-06-01T10:00:00.000Z' };
      },
    });
    await loaded(list);
    render(<ProfilesPage />);
    const item = screen.getByRole('listitem', { name: 'Acme Staging' });
    await act(async () =>
      fireEvent.click([...item.querySelectorAll('button')].find((button) => button.textContent === 'Secrets & test')!),
    );
    const form = screen.getByRole('form', { name: 'Client secret' });
    const input = form.querySelector<HTMLInputElement>('input[type="password"]')!;
    fireEvent.change(input, { target: { value: 'DOM-CANARY-SECRET' } });
    await act(async () => fireEvent.submit(form));
    await waitFor(() => expect(screen.getByTestId('clientSecret-status').textContent).toMatch(/^Set/));
    expect(main.calls.find((call) => call.channel === 'profiles.setSecret')?.input).toEqual({
      profileId: 'stg',
      kind: 'clientSecret',
      value: 'DOM-CANARY-SECRET',
    });
    expect(input.value).toBe('');
    expect(document.body.innerHTML).not.toContain('DOM-CANARY-SECRET');
  });
});

describe('first-start welcome', () => {
  it('explains how to add a real profile and stays dismissed', async () => {
    const list = { activeProfileId: 'simulator', profiles: [simulator], welcomeDismissed: false };
    const main = fakeMain(list);
    await loaded(list);
    render(<WelcomeBlock />);
    const note = screen.getByRole('note', { name: 'Welcome' });
    expect(note.textContent).toContain('Simulator');
    expect(note.textContent).toContain('Staging');
    expect(note.textContent).toContain('keychain');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Dismiss' })));
    expect(main.calls.map((call) => call.channel)).toContain('profiles.dismissWelcome');
    await waitFor(() => expect(screen.queryByRole('note', { name: 'Welcome' })).toBeNull());
  });
});

describe('production secrets', () => {
  it('replaces a production secret only after the profile name is typed, passing main’s token', async () => {
    const list = { activeProfileId: 'simulator', profiles: [simulator, production], welcomeDismissed: true };
    const main = fakeMain(list, {
      'guard.confirm': () => ({ token: 'secret-token', expiresAt: '2025-06-01T10:01:00.000Z' }),
      'profiles.setSecret': () => ({ set: true, updatedAt: '2025-06-01T10:00:00.000Z' }),
    });
    await loaded(list);
    render(
      <>
        <TitleBar />
        <ProfilesPage />
      </>,
    );
    const item = screen.getByRole('listitem', { name: 'Acme Production' });
    await act(async () => fireEvent.click(within(item).getByRole('button', { name: 'Secrets & test' })));
    const form = screen.getByRole('form', { name: 'Client secret' });
    fireEvent.change(form.querySelector('input[type="password"]')!, { target: { value: 'prod-secret' } });
    await act(async () => fireEvent.submit(form));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.textContent).toContain('Acme Production');
    expect(main.calls.map((call) => call.channel)).not.toContain('profiles.setSecret');
    fireEvent.change(screen.getByLabelText(/Type the profile name/), { target: { value: 'Acme Production' } });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Confirm on production' })));
    await waitFor(() => expect(main.calls.some((call) => call.channel === 'profiles.setSecret')).toBe(true));
    expect(main.calls.find((call) => call.channel === 'guard.confirm')?.input).toEqual({
      profileId: 'prd',
      operation: 'profiles.setSecret',
      typedName: 'Acme Production',
    });
    expect(main.calls.find((call) => call.channel === 'profiles.setSecret')?.input).toEqual({
      profileId: 'prd',
      kind: 'clientSecret',
      value: 'prod-secret',
      confirmationToken: 'secret-token',
    });
  });
});

describe('times', () => {
  const at = '2025-06-01T12:00:00.000Z';
  const setLanguages = (languages: string[]) =>
    Object.defineProperty(navigator, 'languages', { configurable: true, get: () => languages });
  afterEach(() => Reflect.deleteProperty(navigator, 'languages'));

  async function renderWithTimes() {
    const stagingWithSecret = {
      ...staging,
      secrets: { clientSecret: { set: true, updatedAt: at }, webhookSecret: UNSET, teamDbPassword: UNSET },
    };
    const list = { activeProfileId: 'stg', profiles: [simulator, stagingWithSecret], welcomeDismissed: true };
    fakeMain(list, {
      'audit.list': () => ({
        entries: [
          {
            id: 1,
            at,
            user: 'ops',
            action: 'secret.set',
            profileId: 'stg',
            profileName: 'Acme Staging',
            details: {},
          },
        ],
      }),
    });
    await loaded(list);
    render(<ProfilesPage />);
    const item = screen.getByRole('listitem', { name: 'Acme Staging' });
    await act(async () => fireEvent.click(within(item).getByRole('button', { name: 'Secrets & test' })));
    const secretTime = screen.getByTestId('clientSecret-status').querySelector('time')!;
    const audit = screen.getByRole('table', { name: 'Audit entries' });
    const auditTime = await waitFor(() => audit.querySelector('tbody time')!);
    return { secretTime, auditTime };
  }

  it('shows secret and audit times in the operator’s locale, one format for both, ISO 8601 on hover', async () => {
    setLanguages(['en-IN', 'en']);
    const shown = await renderWithTimes();
    expect(shown.secretTime.textContent).toMatch(/^1 Jun 2025, /);
    expect(shown.auditTime.textContent).toMatch(/^1 Jun 2025, /);
    expect(shown.secretTime.textContent!.startsWith(shown.auditTime.textContent!)).toBe(true);
    for (const time of [shown.secretTime, shown.auditTime]) {
      expect(time.getAttribute('title')).toBe(at);
      expect(time.getAttribute('datetime')).toBe(at);
    }

    cleanup();
    setLanguages(['de-DE']);
    const german = await renderWithTimes();
    expect(german.secretTime.textContent).toMatch(/^1\. Juni 2025, /);
    expect(german.auditTime.textContent).toMatch(/^1\. Juni 2025, /);
  });

  it('copies a selected time as ISO 8601, and a wider selection as shown', async () => {
    const { auditTime } = await renderWithTimes();
    const copy = (target: Element) => {
      const setData = vi.fn();
      fireEvent.copy(target, { clipboardData: { setData } });
      return setData;
    };
    const selectContentsOf = (node: Node) => {
      const range = document.createRange();
      range.selectNodeContents(node);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(range);
    };

    selectContentsOf(auditTime);
    expect(copy(auditTime)).toHaveBeenCalledWith('text/plain', at);

    selectContentsOf(auditTime.closest('tr')!);
    expect(copy(auditTime)).not.toHaveBeenCalled();
  });
});
