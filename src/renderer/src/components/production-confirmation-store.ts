import { create } from 'zustand';
import type { Channel } from '../../../shared/contract/index.ts';
import type { Profile } from '../../../shared/contract/profiles.ts';
import type { Result } from '../../../shared/contract/result.ts';
import { hubble } from '../hubble.ts';

export interface ConfirmationRequest {
  profile: Profile;
  /** the guarded operation, e.g. 'profiles.delete': main issues a token for this one only */
  operation: Channel;
  /** what the operator is about to do, in words */
  action: string;
  resolve(token: string | null): void;
}

interface ProductionConfirmationState {
  pending: ConfirmationRequest | null;
  request(input: Omit<ConfirmationRequest, 'resolve'>): Promise<string | null>;
  settle(token: string | null): void;
}

/** One confirmation at a time; the dialog (ProductionConfirmDialog) shows whatever is pending. */
export const useProductionConfirmation = create<ProductionConfirmationState>((set, get) => ({
  pending: null,
  request(input) {
    get().pending?.resolve(null);
    return new Promise((resolve) => set({ pending: { ...input, resolve } }));
  },
  settle(token) {
    const pending = get().pending;
    set({ pending: null });
    pending?.resolve(token);
  },
}));

const cancelled = {
  ok: false as const,
  error: { kind: 'CONFIRMATION_REQUIRED' as const, message: 'Cancelled: nothing was done.' },
};

/**
 * Runs an operation that the production guard protects. On a production profile the operator first types
 * the profile name; main then hands out a single-use token, which `run` passes along. Main enforces the
 * rule either way: if it still asks for a confirmation (the profile became production meanwhile), the
 * operator is asked once.
 */
export async function runGuarded<T>(
  profile: Profile,
  operation: Channel,
  action: string,
  run: (confirmationToken: string | undefined) => Promise<Result<T>>,
): Promise<Result<T>> {
  const ask = () => useProductionConfirmation.getState().request({ profile, operation, action });
  let token: string | undefined;
  if (profile.environment === 'production') {
    token = (await ask()) ?? undefined;
    if (!token) return cancelled;
  }
  const result = await run(token);
  if (result.ok || result.error.kind !== 'CONFIRMATION_REQUIRED' || token) return result;
  const retryToken = await ask();
  return retryToken ? run(retryToken) : cancelled;
}

export const confirmWithTypedName = (profileId: string, operation: Channel, typedName: string) =>
  hubble().guard.confirm({ profileId, operation, typedName });
