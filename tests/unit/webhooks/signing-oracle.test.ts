import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SignedRequest } from '../../../src/shared/webhooks/signing.ts';
import type { Verification } from '../../../src/shared/webhooks/verification.ts';
import { valueOrThrow } from '../../fixtures/value-or-throw.ts';
import { opensslSignature } from './openssl-hmac.ts';
import { startWebhooksCore, type WebhooksCore } from './webhooks-core.ts';

// The console holds production webhook secrets. An HMAC with one over bytes the caller chose is a webhook the
// partner's production endpoint accepts. One policy, through the real router, guard and audit log: only
// webhooks.signWithProfile returns such a signature, after the production confirmation, and audited;
// webhooks.verify answers match/mismatch and why, never the signature.

const PRODUCTION_SECRET = 'whsec_live_Zx81-production';
const STAGING_SECRET = 'whsec_test_staging-4Lm';
const FORGED = '{"id":"01HX-forged-order","status":"SUCCESS"}';

let wh: WebhooksCore;
let productionId: string;
let stagingId: string;
beforeAll(async () => {
  wh = await startWebhooksCore();
  productionId = await wh.addProfile('production', 'Acme Production', PRODUCTION_SECRET);
  stagingId = await wh.addProfile('staging', 'Acme Staging', STAGING_SECRET);
});
afterAll(async () => {
  await wh.close();
});

const forgedSignature = () => opensslSignature(FORGED, PRODUCTION_SECRET);

async function auditEntries(action: string) {
  const listed = valueOrThrow<{ entries: Array<{ action: string; profileId: string | null; details: unknown }> }>(
    'audit.list',
    await wh.dispatch('audit.list', { limit: 200 }),
  );
  return listed.entries.filter((entry) => entry.action === action);
}

describe('webhooks.verify with a production profile’s stored secret', () => {
  it.each([
    ['a wrong X-Verify', 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA='],
    ['no X-Verify', null],
    ['a malformed X-Verify', 'not-a-signature'],
  ])('with %s answers invalid and why, never the signature of the caller’s body', async (_case, header) => {
    const result = await wh.verify({
      body: { text: FORGED },
      signatureHeader: header,
      secret: { kind: 'profile', profileId: productionId },
    });
    expect(result.verdict).toBe('invalid');
    expect(result.findings.length).toBeGreaterThan(0);
    expect(result.expectedSignature).toBeNull();
    const answer = JSON.stringify(result);
    expect(answer).not.toContain(forgedSignature());
    expect(answer).not.toContain(Buffer.from(forgedSignature(), 'base64').toString('hex'));
    expect(answer).not.toContain(PRODUCTION_SECRET);
  });

  it('still verifies and diagnoses: a valid signature is valid, a re-serialised body is explained', async () => {
    const signed = JSON.stringify(JSON.parse(FORGED), null, 2);
    const valid = await wh.verify({
      body: { text: signed },
      signatureHeader: opensslSignature(signed, PRODUCTION_SECRET),
      secret: { kind: 'profile', profileId: productionId },
    });
    expect(valid).toMatchObject({ verdict: 'valid', expectedSignature: null });
    const reserialised = await wh.verify({
      body: { text: FORGED },
      signatureHeader: opensslSignature(signed, PRODUCTION_SECRET),
      secret: { kind: 'profile', profileId: productionId },
    });
    expect(reserialised.findings.map((finding) => finding.code)).toEqual(['BODY_RESERIALISED']);
    expect(reserialised.expectedSignature).toBeNull();
  });

  it('a staging profile’s secret and a pasted one still show what Hubble would send', async () => {
    const staging = await wh.verify({
      body: { text: FORGED },
      signatureHeader: null,
      secret: { kind: 'profile', profileId: stagingId },
    });
    expect(staging.expectedSignature).toBe(opensslSignature(FORGED, STAGING_SECRET));
    const pasted = await wh.verify({
      body: { text: FORGED },
      signatureHeader: null,
      secret: { kind: 'pasted', value: PRODUCTION_SECRET },
    });
    expect(pasted.expectedSignature).toBe(forgedSignature());
  });
});

describe('signing with a stored secret', () => {
  it('webhooks.sign no longer takes a profile’s secret: only a pasted one', async () => {
    const result = await wh.dispatch('webhooks.sign', {
      body: { text: FORGED },
      secret: { kind: 'profile', profileId: productionId },
    });
    expect(result).toMatchObject({ ok: false, error: { kind: 'VALIDATION' } });
  });

  it('on production, signWithProfile is refused without the typed confirmation, and the refusal is audited', async () => {
    const refusalsBefore = (await auditEntries('guard.refused')).length;
    const signingsBefore = (await auditEntries('webhooks.signed')).length;
    const result = await wh.dispatch('webhooks.signWithProfile', { body: { text: FORGED }, profileId: productionId });
    expect(result).toMatchObject({ ok: false, error: { kind: 'CONFIRMATION_REQUIRED' } });
    expect(JSON.stringify(result)).not.toContain(forgedSignature());
    expect(await auditEntries('guard.refused')).toHaveLength(refusalsBefore + 1);
    expect(await auditEntries('webhooks.signed')).toHaveLength(signingsBefore);
  });

  it('on production, with the confirmation it signs once, audited; the token cannot be used again', async () => {
    const { token } = valueOrThrow<{ token: string }>(
      'guard.confirm',
      await wh.dispatch('guard.confirm', {
        profileId: productionId,
        operation: 'webhooks.signWithProfile',
        typedName: 'Acme Production',
      }),
    );
    const signingsBefore = (await auditEntries('webhooks.signed')).length;
    const signed = valueOrThrow<SignedRequest>(
      'webhooks.signWithProfile',
      await wh.dispatch('webhooks.signWithProfile', {
        body: { text: FORGED },
        profileId: productionId,
        confirmationToken: token,
      }),
    );
    expect(signed.signature).toBe(forgedSignature());
    const audited = await auditEntries('webhooks.signed');
    expect(audited).toHaveLength(signingsBefore + 1);
    expect(audited[0]).toMatchObject({ profileId: productionId, details: { bytes: Buffer.byteLength(FORGED) } });
    expect(JSON.stringify(audited)).not.toContain(PRODUCTION_SECRET);
    const again = await wh.dispatch('webhooks.signWithProfile', {
      body: { text: FORGED },
      profileId: productionId,
      confirmationToken: token,
    });
    expect(again).toMatchObject({ ok: false, error: { kind: 'CONFIRMATION_REQUIRED' } });
  });

  it('on staging, signWithProfile needs no confirmation and is audited', async () => {
    const signingsBefore = (await auditEntries('webhooks.signed')).length;
    const signed = await wh.signWithProfile({ body: { text: FORGED }, profileId: stagingId });
    expect(signed.signature).toBe(opensslSignature(FORGED, STAGING_SECRET));
    expect(await auditEntries('webhooks.signed')).toHaveLength(signingsBefore + 1);
  });

  it('the verdict a verify gives is what the confirmed signature then satisfies', async () => {
    const { token } = valueOrThrow<{ token: string }>(
      'guard.confirm',
      await wh.dispatch('guard.confirm', {
        profileId: productionId,
        operation: 'webhooks.signWithProfile',
        typedName: 'Acme Production',
      }),
    );
    const signed = await wh.signWithProfile({
      body: { text: FORGED },
      profileId: productionId,
      confirmationToken: token,
    });
    const verified: Verification = await wh.verify({
      body: { text: FORGED },
      signatureHeader: signed.signature,
      secret: { kind: 'profile', profileId: productionId },
    });
    expect(verified.verdict).toBe('valid');
  });
});
