import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createConsoleCore, type ConsoleCore } from '../../../src/main/app/console-core.ts';
import { defaultProfileSettings } from '../../../src/shared/contract/profiles.ts';
import type { Result } from '../../../src/shared/contract/result.ts';
import type { Classification } from '../../../src/shared/webhooks/classification.ts';
import type { SignedRequest } from '../../../src/shared/webhooks/signing.ts';
import type { Verification } from '../../../src/shared/webhooks/verification.ts';
import { createMemoryVault } from '../../../src/main/kernel/vault/memory-vault.ts';
import { valueOrThrow } from '../../fixtures/value-or-throw.ts';

/** The real console core (profiles, vault, router) in a temp folder, with an in-memory keychain. */
export interface WebhooksCore {
  core: ConsoleCore;
  dispatch(channel: string, input: unknown): Promise<Result<unknown>>;
  verify(input: unknown): Promise<Verification>;
  classify(input: unknown): Promise<Classification>;
  sign(input: unknown): Promise<SignedRequest>;
  signWithProfile(input: unknown): Promise<SignedRequest>;
  addProfile(
    environment: 'staging' | 'production' | 'custom',
    name: string,
    webhookSecret: string | null,
  ): Promise<string>;
  close(): Promise<void>;
}

export async function startWebhooksCore(): Promise<WebhooksCore> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'webhooks-'));
  const core = createConsoleCore({
    dataDir,
    shell: 'browser-harness',
    version: '0.0.0-test',
    vault: createMemoryVault(),
  });
  await core.start();
  const dispatch = (channel: string, input: unknown) =>
    core.router.dispatch(channel, input, { shell: 'browser-harness' });
  const value = async <T>(channel: string, input: unknown): Promise<T> =>
    valueOrThrow<T>(channel, await dispatch(channel, input));
  return {
    core,
    dispatch,
    verify: (input) => value<Verification>('webhooks.verify', input),
    classify: (input) => value<Classification>('webhooks.classify', input),
    sign: (input) => value<SignedRequest>('webhooks.sign', input),
    signWithProfile: (input) => value<SignedRequest>('webhooks.signWithProfile', input),
    async addProfile(environment, name, webhookSecret) {
      const profile = core.kernel.profiles.create({
        ...defaultProfileSettings(environment, name),
        clientId: `${name}-client`,
        baseUrl: environment === 'custom' ? 'https://hubble.example.test' : null,
      });
      if (webhookSecret !== null) await core.kernel.credentials.setSecret(profile.id, 'webhookSecret', webhookSecret);
      return profile.id;
    },
    async close() {
      await core.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
