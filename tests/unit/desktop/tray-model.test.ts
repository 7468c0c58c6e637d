import { describe, expect, it } from 'vitest';
import { closeOutcome } from '../../../src/main/desktop/close-to-tray.ts';
import { trayModel } from '../../../src/main/desktop/tray-model.ts';

const base = {
  profile: { name: 'Acme prod', environment: 'production' as const },
  walletBalancePaise: 12_345_678,
  firingAlerts: 0,
  windowVisible: true,
};

describe('tray model', () => {
  it('shows the active profile, the wallet balance in rupees from paise, and no alert', () => {
    const model = trayModel(base);
    expect(model.tooltip).toBe('Hubble Ops Console\nAcme prod (PRODUCTION)\nWallet: ₹1,23,456.78');
    expect(model.title).toBe('');
    expect(model.attention).toBe(false);
    expect(model.menu.map((item) => item.label)).toEqual([
      'Hide Console',
      'Acme prod (PRODUCTION)',
      'Wallet: ₹1,23,456.78',
      'No alerts firing',
      'Switch Profile…',
      'Quit Hubble Ops Console',
    ]);
  });

  it('says plainly when nothing is known yet', () => {
    const model = trayModel({ ...base, profile: null, walletBalancePaise: null, windowVisible: false });
    expect(model.tooltip).toBe('Hubble Ops Console\nNo active profile\nWallet: not known yet');
    expect(model.menu[0]).toEqual({ label: 'Show Console', enabled: true, action: { kind: 'toggle-window' } });
  });

  it('counts firing alerts and leads to the Alerts page', () => {
    const model = trayModel({ ...base, firingAlerts: 3 });
    expect(model.tooltip.endsWith('3 alerts firing')).toBe(true);
    expect(model.title).toBe('⚠ 3');
    expect(model.attention).toBe(true);
    expect(model.menu[3]).toEqual({
      label: '3 alerts firing…',
      enabled: true,
      action: { kind: 'command', command: { kind: 'go', area: 'alerts' } },
    });
    expect(trayModel({ ...base, firingAlerts: 1 }).menu[3]!.label).toBe('1 alert firing…');
  });
});

describe('close to tray', () => {
  it('is off by default: closing closes', () => {
    expect(closeOutcome({ closeToTray: false, quitting: false, trayShown: true })).toBe('close');
  });
  it('when on, closing hides to the tray, but a real quit and a missing tray still close', () => {
    expect(closeOutcome({ closeToTray: true, quitting: false, trayShown: true })).toBe('hide-to-tray');
    expect(closeOutcome({ closeToTray: true, quitting: true, trayShown: true })).toBe('close');
    expect(closeOutcome({ closeToTray: true, quitting: false, trayShown: false })).toBe('close');
  });
});
