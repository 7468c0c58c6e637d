import { create } from 'zustand';
import type { WebhookBody, WebhookSecretChoice } from '../../../../shared/contract/webhooks.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import type { Classification } from '../../../../shared/webhooks/classification.ts';
import type { WebhookExample } from '../../../../shared/webhooks/examples.ts';
import { MAX_BODY_BYTES } from '../../../../shared/webhooks/limits.ts';
import type { Verification } from '../../../../shared/webhooks/verification.ts';
import { hubble } from '../../hubble.ts';

/** A dropped file keeps its exact bytes (base64); pasted text is sent as text and signed as UTF-8. */
export type BodySource =
  { kind: 'text'; text: string } | { kind: 'file'; name: string; bytes: number; base64: string; preview: string };

export type SecretSourceState = WebhookSecretChoice;

interface WebhooksState {
  examples: WebhookExample[] | null;
  examplesError: string | null;
  body: BodySource;
  header: string;
  headerAbsent: boolean;
  secret: SecretSourceState;
  busy: boolean;
  verification: Verification | null;
  classification: Classification | null;
  error: AppErrorShape | null;
  loadExamples(): Promise<void>;
  loadExample(id: string): void;
  setText(text: string): void;
  setFile(name: string, bytes: ArrayBuffer): void;
  clearFile(): void;
  setHeader(header: string): void;
  setHeaderAbsent(absent: boolean): void;
  setSecret(secret: SecretSourceState): void;
  /** A webhook the receiver stored: its bytes as they arrived, its X-Verify and the profile whose secret applies. */
  loadReceived(received: { name: string; body: string; header: string | null; profileId: string }): void;
  verify(): Promise<void>;
}

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let at = 0; at < bytes.length; at += 0x8000) binary += String.fromCharCode(...bytes.subarray(at, at + 0x8000));
  return btoa(binary);
}

export const bodyInput = (body: BodySource): WebhookBody =>
  body.kind === 'text' ? { text: body.text } : { base64: body.base64 };

const sizeError = (bytes: number): AppErrorShape => ({
  kind: 'VALIDATION',
  message: `The file is ${bytes.toLocaleString('en')} bytes; the debugger accepts bodies up to 1 MiB (1,048,576 bytes).`,
});

const cleared = { verification: null, classification: null, error: null } as const;

export const useWebhooks = create<WebhooksState>((set, get) => ({
  examples: null,
  examplesError: null,
  body: { kind: 'text', text: '' },
  header: '',
  headerAbsent: false,
  secret: { kind: 'profile', profileId: 'simulator' },
  busy: false,
  verification: null,
  classification: null,
  error: null,

  async loadExamples() {
    if (get().examples) return;
    const result = await hubble().webhooks.examples();
    if (result.ok) set({ examples: result.value.examples, examplesError: null });
    else set({ examplesError: result.error.message });
  },

  loadExample(id) {
    const example = get().examples?.find((candidate) => candidate.id === id);
    if (!example) return;
    set({
      ...cleared,
      body: { kind: 'text', text: example.body },
      header: example.signature ?? '',
      headerAbsent: false,
      secret: example.signedWithProfileId ? { kind: 'profile', profileId: example.signedWithProfileId } : get().secret,
    });
  },

  setText(text) {
    set({ ...cleared, body: { kind: 'text', text } });
  },

  setFile(name, buffer) {
    if (buffer.byteLength > MAX_BODY_BYTES) {
      set({ ...cleared, error: sizeError(buffer.byteLength) });
      return;
    }
    const bytes = new Uint8Array(buffer);
    const preview = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(bytes.subarray(0, 64 * 1024));
    set({ ...cleared, body: { kind: 'file', name, bytes: bytes.length, base64: toBase64(bytes), preview } });
  },

  clearFile() {
    const body = get().body;
    set({ ...cleared, body: { kind: 'text', text: body.kind === 'file' ? body.preview : body.text } });
  },

  setHeader(header) {
    set({ ...cleared, header });
  },

  setHeaderAbsent(headerAbsent) {
    set({ ...cleared, headerAbsent });
  },

  setSecret(secret) {
    set({ ...cleared, secret });
  },

  loadReceived({ name, body, header, profileId }) {
    // As a file, not as text: a text box would turn CRLF into LF, and the point is to check the exact bytes.
    const bytes = new TextEncoder().encode(body);
    set({
      ...cleared,
      body: { kind: 'file', name, bytes: bytes.length, base64: toBase64(bytes), preview: body.slice(0, 64 * 1024) },
      header: header ?? '',
      headerAbsent: header === null,
      secret: { kind: 'profile', profileId },
    });
  },

  async verify() {
    const { body, header, headerAbsent, secret } = get();
    set({ busy: true, ...cleared });
    const input = bodyInput(body);
    const [verified, classified] = await Promise.all([
      hubble().webhooks.verify({ body: input, signatureHeader: headerAbsent ? null : header, secret }),
      hubble().webhooks.classify({ body: input }),
    ]);
    set({
      busy: false,
      verification: verified.ok ? verified.value : null,
      classification: classified.ok ? classified.value : null,
      error: verified.ok ? null : verified.error,
    });
  },
}));
