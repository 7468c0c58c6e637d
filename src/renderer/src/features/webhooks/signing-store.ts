import { create } from 'zustand';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import type { SignedRequest } from '../../../../shared/webhooks/signing.ts';
import { hubble } from '../../hubble.ts';
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
    const result = await hubble().webhooks.sign({ body: { text: body }, secret, url: url.trim() || undefined });
    set({ busy: false, signed: result.ok ? result.value : null, error: result.ok ? null : result.error });
  },
}));
