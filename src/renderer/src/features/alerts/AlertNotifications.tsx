import { useEffect } from 'react';
import { Toasts } from '../../components/Toasts.tsx';
import { useAlerts } from './alerts-store.ts';
import './alerts.css';

/** Follows the active profile's alerts for the whole window (badge and toasts) and shows the toasts. */
export function AlertNotifications() {
  useEffect(() => useAlerts.getState().follow(), []);
  return <Toasts />;
}

/** The sidebar's count of firing alerts; nothing when none fire. */
export function FiringBadge() {
  const firing = useAlerts((state) => state.firing);
  if (firing === 0) return null;
  return (
    <span className="sidebar__badge" data-testid="alerts-firing-badge">
      <span aria-hidden="true">{firing}</span>
      <span className="visually-hidden"> ({firing} firing)</span>
    </span>
  );
}
