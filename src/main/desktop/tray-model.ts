import type { DesktopCommand } from '../../shared/contract/events.ts';

export type TrayEnvironment = 'simulator' | 'staging' | 'production' | 'custom';

/** What the tray shows, from what main knows right now; each input may be unknown. */
export interface TrayInputs {
  profile: { name: string; environment: TrayEnvironment } | null;
  /** the active profile's last known wallet balance, in paise; null before the first sample */
  walletBalancePaise: number | null;
  /** alerts firing and not acknowledged, for the active profile */
  firingAlerts: number;
  /** whether the window is visible (the first item shows or hides it) */
  windowVisible: boolean;
}

export type TrayAction = { kind: 'toggle-window' } | { kind: 'command'; command: DesktopCommand } | { kind: 'quit' };

export interface TrayMenuItem {
  label: string;
  enabled: boolean;
  action?: TrayAction;
}

export interface TrayModel {
  tooltip: string;
  /** macOS menu-bar text beside the icon: short, and only what needs a glance */
  title: string;
  /** true when something needs the operator (the thin file picks the attention icon) */
  attention: boolean;
  menu: TrayMenuItem[];
}

const ENVIRONMENT_LABELS: Record<TrayEnvironment, string> = {
  simulator: 'Simulator',
  staging: 'Staging',
  production: 'PRODUCTION',
  custom: 'Custom',
};

const rupees = new Intl.NumberFormat('en-IN', { style: 'currency', currency: 'INR', maximumFractionDigits: 2 });

/** Paise are integers end to end (DESIGN.md): only here, for display, do they become rupees. */
export const formatBalance = (paise: number) => rupees.format(paise / 100);

const alertsText = (count: number) => (count === 1 ? '1 alert firing' : `${count} alerts firing`);

export function trayModel(inputs: TrayInputs): TrayModel {
  const profileText = inputs.profile
    ? `${inputs.profile.name} (${ENVIRONMENT_LABELS[inputs.profile.environment]})`
    : 'No active profile';
  const walletText =
    inputs.walletBalancePaise === null
      ? 'Wallet: not known yet'
      : `Wallet: ${formatBalance(inputs.walletBalancePaise)}`;
  const alerts = Math.max(0, Math.trunc(inputs.firingAlerts));
  const tooltip = ['Hubble Ops Console', profileText, walletText, ...(alerts ? [alertsText(alerts)] : [])].join('\n');
  return {
    tooltip,
    title: alerts ? `⚠ ${alerts}` : '',
    attention: alerts > 0,
    menu: [
      {
        label: inputs.windowVisible ? 'Hide Console' : 'Show Console',
        enabled: true,
        action: { kind: 'toggle-window' },
      },
      { label: profileText, enabled: false },
      { label: walletText, enabled: false },
      alerts
        ? {
            label: `${alertsText(alerts)}…`,
            enabled: true,
            action: { kind: 'command', command: { kind: 'go', area: 'alerts' } },
          }
        : { label: 'No alerts firing', enabled: false },
      {
        label: 'Switch Profile…',
        enabled: true,
        action: { kind: 'command', command: { kind: 'go', area: 'profiles' } },
      },
      { label: 'Quit Hubble Ops Console', enabled: true, action: { kind: 'quit' } },
    ],
  };
}
