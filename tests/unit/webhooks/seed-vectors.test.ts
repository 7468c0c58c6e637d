import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CLIENTS } from '../../../src/main/simulator/demo-clients.ts';
import type { WebhookExample } from '../../../src/shared/webhooks/examples.ts';
import { FIXTURE_IDS, fixture, opensslSignature } from './openssl-hmac.ts';
import { startWebhooksCore, type WebhooksCore } from './webhooks-core.ts';

// Every payload of seeds 001 and 002, signed by openssl (not by the project's code) and verified by the console.

const SECRET = 'whsec_partner-test-7Hq2';
let wh: WebhooksCore;
beforeAll(async () => {
  wh = await startWebhooksCore();
});
afterAll(async () => {
  await wh.close();
});

describe('seed payloads signed by openssl verify', () => {
  for (const id of FIXTURE_IDS) {
    it(`${id}: valid with the pasted secret, from text and from the file's bytes`, async () => {
      const body = fixture(id);
      const signature = opensslSignature(body, SECRET);
      const fromText = await wh.verify({
        body: { text: body.toString('utf8') },
        signatureHeader: signature,
        secret: { kind: 'pasted', value: SECRET },
      });
      expect(fromText).toMatchObject({
        verdict: 'valid',
        findings: [],
        expectedSignature: signature,
        bodyBytes: body.length,
      });
      const fromFile = await wh.verify({
        body: { base64: body.toString('base64') },
        signatureHeader: signature,
        secret: { kind: 'pasted', value: SECRET },
      });
      expect(fromFile.verdict).toBe('valid');
    });

    it(`${id}: valid with the Simulator profile's webhook secret from the profiles service`, async () => {
      const body = fixture(id);
      const signature = opensslSignature(body, DEMO_CLIENTS.staging.webhookSecret);
      const result = await wh.verify({
        body: { text: body.toString('utf8') },
        signatureHeader: signature,
        secret: { kind: 'profile', profileId: 'simulator' },
      });
      expect(result.verdict).toBe('valid');
      expect(result.secretLabel).toContain('Simulator');
    });
  }

  it('a signature for one byte more or less does not verify', async () => {
    const body = fixture('order-terminal-state');
    const signature = opensslSignature(body, SECRET);
    const result = await wh.verify({
      body: { text: `${body.toString('utf8')} ` },
      signatureHeader: signature,
      secret: { kind: 'pasted', value: SECRET },
    });
    expect(result.verdict).toBe('invalid');
  });
});

describe('examples', () => {
  let examples: WebhookExample[];
  beforeAll(async () => {
    const result = await wh.dispatch('webhooks.examples', undefined);
    if (!result.ok) throw new Error(result.error.message);
    examples = (result.value as { examples: WebhookExample[] }).examples;
  });

  it('serves every seed payload once, byte for byte as in the docs (card data masked)', () => {
    expect(examples.map((example) => example.id)).toEqual([...FIXTURE_IDS]);
    for (const example of examples) {
      const expected = fixture(example.id)
        .toString('utf8')
        .replace('"5333644476668777"', '"************8777"')
        .replace('"123456"', '"******"');
      expect(example.body).toBe(expected);
      expect(example.type).toBe(example.id);
    }
  });

  it('never returns a card number or PIN', () => {
    const all = JSON.stringify(examples);
    expect(all).not.toContain('5333644476668777');
    expect(all).not.toContain('"123456"');
  });

  it("carries X-Verify under the Simulator profile's secret, as openssl computes it", () => {
    for (const example of examples) {
      expect(example.signedWithProfileId).toBe('simulator');
      expect(example.signature).toBe(opensslSignature(example.body, DEMO_CLIENTS.staging.webhookSecret));
    }
  });
});
