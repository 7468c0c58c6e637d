import { useState } from 'react';
import {
  confirmWithTypedName,
  useProductionConfirmation,
  type ConfirmationRequest,
} from './production-confirmation-store.ts';
import { ConfirmDialog } from './ConfirmDialog.tsx';

/**
 * The production guard's face: type the profile's name to get a single-use token from main. Mounted once
 * in the title bar, so it exists on every window.
 */
export function ProductionConfirmDialog() {
  const pending = useProductionConfirmation((state) => state.pending);
  return pending ? <PendingConfirmation key={`${pending.profile.id}:${pending.operation}`} pending={pending} /> : null;
}

function PendingConfirmation({ pending }: { pending: ConfirmationRequest }) {
  const settle = useProductionConfirmation((state) => state.settle);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { profile } = pending;

  const confirm = async (typed: string) => {
    setBusy(true);
    const result = await confirmWithTypedName(profile.id, pending.operation, typed);
    setBusy(false);
    if (result.ok) settle(result.value.token);
    else setError(result.error.message);
  };

  return (
    <ConfirmDialog
      title="Confirm on PRODUCTION"
      danger
      confirmLabel="Confirm on production"
      busy={busy}
      error={error}
      typedConfirmation={{ label: `Type the profile name “${profile.name}” to confirm`, expected: profile.name }}
      onConfirm={(typed) => void confirm(typed)}
      onCancel={() => settle(null)}
    >
      <p>
        You are about to <strong>{pending.action}</strong> on the production profile <strong>{profile.name}</strong>.
        This acts on real money and real customers.
      </p>
    </ConfirmDialog>
  );
}
