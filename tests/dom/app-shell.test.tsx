import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../src/renderer/src/app/App.tsx';
import { areas } from '../../src/renderer/src/app/area-registry.tsx';
import { NotBuiltYet } from '../../src/renderer/src/components/NotBuiltYet.tsx';
import { useNavigation } from '../../src/renderer/src/app/navigation-store.ts';
import { useProfiles } from '../../src/renderer/src/features/profiles/profiles-store.ts';
import { installFakeHubble, simulatorOnlyProfiles } from './fake-hubble.ts';

const profiles = simulatorOnlyProfiles;

let emit: (event: string, payload: unknown) => void = () => {};

/** A fake main whose answers come from a table. */
function installAnswers(answers: Record<string, unknown>) {
  ({ emit } = installFakeHubble((channel) =>
    channel in answers
      ? { ok: true, value: answers[channel] }
      : { ok: false, error: { kind: 'NOT_FOUND', message: channel } },
  ));
}

beforeEach(() => {
  window.location.hash = '';
  useNavigation.setState({ area: 'dashboard' });
  useProfiles.setState({ list: null, error: null });
  installAnswers({
    'profiles.list': profiles,
    'app.info': {
      name: 'Hubble Ops Console',
      version: '9.9.9',
      platform: 'linux',
      arch: 'x64',
      dataDir: '/data',
      shell: 'browser-harness',
      runtime: { node: '24', v8: '13', electron: null, chrome: null },
    },
  });
});
afterEach(cleanup);

describe('app shell', () => {
  it('lists every area of the design in the sidebar', async () => {
    render(<App />);
    const nav = screen.getByRole('navigation', { name: 'Areas' });
    expect(
      within(nav)
        .getAllByRole('button')
        .map((button) => button.textContent),
    ).toEqual(areas.map((area) => area.label));
  });

  it('shows the active profile and its environment in the title bar', async () => {
    render(<App />);
    const active = await screen.findByLabelText('Active profile');
    expect(active.textContent).toContain('Simulator');
    expect(active.textContent).toContain('Simulated');
  });

  it('switches to a production frame when main says production is active', async () => {
    const { container } = render(<App />);
    await screen.findByLabelText('Active profile');
    act(() =>
      emit('profiles.changed', {
        activeProfileId: 'prod',
        profiles: [
          ...profiles.profiles,
          {
            id: 'prod',
            name: 'Live',
            environment: 'production',
            baseUrl: 'https://api.myhubble.money',
            colour: '#dc2626',
            builtIn: false,
          },
        ],
      }),
    );
    expect(container.querySelector('.app-shell')?.getAttribute('data-environment')).toBe('production');
    expect(screen.getByLabelText('Active profile').textContent).toContain('PRODUCTION');
  });

  it('says plainly when an area is not built yet', () => {
    render(<NotBuiltYet label="Reports" purpose="Monthly statements." />);
    expect(screen.getByRole('heading', { name: 'Reports', level: 1 })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('not built yet');
  });

  it('opens on the Dashboard, with the first-start welcome above its health at a glance', async () => {
    render(<App />);
    expect(screen.getByRole('heading', { name: 'Dashboard', level: 1 })).toBeTruthy();
    const health = screen.getByRole('region', { name: 'Health at a glance' });
    const welcome = await screen.findByRole('note', { name: 'Welcome' });
    expect(welcome.compareDocumentPosition(health) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(areas.find((area) => area.id === 'dashboard')?.ready).toBe(true);
  });

  it('gives every area not marked ready the not-built page, named and described by its registry entry', () => {
    render(<App />);
    const unbuilt = areas.filter((area) => !area.ready);
    expect(unbuilt.map((area) => area.id)).toEqual([]);
    for (const area of unbuilt) {
      fireEvent.click(
        within(screen.getByRole('navigation', { name: 'Areas' })).getByRole('button', { name: area.label }),
      );
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(area.label);
      expect(screen.getByRole('main').textContent).toContain(area.purpose);
      expect(screen.getByRole('status').textContent).toContain('not built yet');
    }
  });

  it('tells version and data folder at the foot of the sidebar, on every page', async () => {
    render(<App />);
    fireEvent.click(screen.getByRole('button', { name: 'Orders' }));
    const nav = screen.getByRole('navigation', { name: 'Areas' });
    expect((await within(nav).findByText('9.9.9')).closest('summary')).toBeTruthy();
    expect(within(nav).getByLabelText('About this console').textContent).toContain('/data');
  });

  it('moves focus through the sidebar with the arrow keys and wraps around', () => {
    render(<App />);
    const buttons = within(screen.getByRole('navigation', { name: 'Areas' })).getAllByRole('button');
    buttons[0]!.focus();
    fireEvent.keyDown(buttons[0]!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(buttons.at(-1));
    fireEvent.keyDown(buttons.at(-1)!, { key: 'Home' });
    expect(document.activeElement).toBe(buttons[0]);
  });
});
