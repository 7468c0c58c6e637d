import { create } from 'zustand';
import type { AppErrorShape, Result } from '../../../../shared/contract/result.ts';
import type { SignedRequest } from '../../../../shared/webhooks/signing.ts';
import { runGuarded } from '../../components/production-confirmation-store.ts';
import { hubble } from '../../hubble.ts';
import { useProfiles } from '../profiles/profiles-store.ts';
import type { SecretSourceState } from './webhooks-store.ts';

interface SigningState {
  body: string;
  url: string;
  secret: SecretSourceState;
  busy: boolean;
  signed: SignedRequest | null;
  error: AppErrorShape | null;
  setBody(body: string): void;
  setUrl(url: string): void;
  setSecret(secret: SecretSourceState): void;
  sign(): Promise<void>;
}

/**
 * A profile's stored secret signs a webhook its endpoint will accept: main audits it, and on a production
 * profile asks for the typed confirmation first (the production guard).
 */
async function signWithProfile(
  profileId: string,
  input: { body: { text: string }; url: string | undefined },
): Promise<Result<SignedRequest>> {
  const profile = useProfiles.getState().list?.profiles.find((candidate) => candidate.id === profileId);
  if (!profile) return { ok: false, error: { kind: 'NOT_FOUND', message: `Profile ${profileId} is not in the list.` } };
  return runGuarded(
    profile,
    'webhooks.signWithProfile',
    `sign a webhook with the stored secret of “${profile.name}”`,
    (confirmationToken) => hubble().webhooks.signWithProfile({ ...input, profileId, confirmationToken }),
  );
}

export const DEFAULT_ENDPOINT = 'http://localhost:3000/hubble-webhook';

/** The signing tool: a correctly signed request for the partner's own endpoint; main never returns the secret. */
export const useWebhookSigning = create<SigningState>((set, get) => ({
  body: '',
  url: DEFAULT_ENDPOINT,
  secret: { kind: 'profile', profileId: 'simulator' },
  busy: false,
  signed: null,
  error: null,
  setBody: (body) => set({ body, signed: null, error: null }),
  setUrl: (url) => set({ url, signed: null, error: null }),
  setSecret: (secret) => set({ secret, signed: null, error: null }),
  async sign() {
    const { body, url, secret } = get();
    set({ busy: true, signed: null, error: null });
    const input = { body: { text: body }, url: url.trim() || undefined };
    const result =
      secret.kind === 'pasted'
        ? await hubble().webhooks.sign({ ...input, secret })
        : await signWithProfile(secret.profileId, input);
    set({ busy: false, signed: result.ok ? result.value : null, error: result.ok ? null : result.error });
  },
}));
