import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Verification } from '../../../src/shared/webhooks/verification.ts';
import { fixture, opensslSignature, opensslSignatureWithKeyBytes } from './openssl-hmac.ts';
import { startWebhooksCore, type WebhooksCore } from './webhooks-core.ts';

// One failing vector per diagnosis. Every signature comes from openssl over bytes built here, and each test
// asserts the exact list of finding codes, so a wrong or extra explanation fails.

const SECRET = 'whsec_partner-test-7Hq2';
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
let wh: WebhooksCore;
beforeAll(async () => {
  wh = await startWebhooksCore();
});
afterAll(async () => {
  await wh.close();
});

const text = (id: string) => fixture(id).toString('utf8');
const digestOf = (signature: string) => Buffer.from(signature, 'base64');
const codes = (result: Verification) => result.findings.map((finding) => finding.code);

async function verifyText(
  body: string,
  signatureHeader: string | null | undefined,
  secret = SECRET,
): Promise<Verification> {
  const result = await wh.verify({ body: { text: body }, signatureHeader, secret: { kind: 'pasted', value: secret } });
  expect(result.verdict).toBe('invalid');
  expect(JSON.stringify(result)).not.toContain(secret.trim());
  return result;
}

function sortKeysDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeysDeep);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([k, v]) => [k, sortKeysDeep(v)]),
    );
  return value;
}

describe('body re-serialised', () => {
  it('BODY_RESERIALISED: a compact copy of a body Hubble sent in the docs layout, with the byte diff', async () => {
    const original = text('brand-updated');
    const result = await verifyText(JSON.stringify(JSON.parse(original)), opensslSignature(original, SECRET));
    expect(codes(result)).toEqual(['BODY_RESERIALISED']);
    expect(result.diff).not.toBeNull();
    const diff = result.diff!;
    expect(diff.rightBytes).toBe(Buffer.byteLength(original));
    expect(diff.addedBytes - diff.removedBytes).toBe(
      Buffer.byteLength(original) - Buffer.byteLength(JSON.stringify(JSON.parse(original))),
    );
    expect(diff.segments.some((segment) => segment.op === 'added' && segment.text.includes('\n'))).toBe(true);
    expect(result.findings[0]!.evidence).toContainEqual({
      label: 'Layout of the signed form',
      value: expect.stringContaining('arrays of values on one line'),
    });
  });

  it('BODY_RESERIALISED: key order (the signed form had its keys sorted)', async () => {
    const original = text('order-terminal-state').replace(
      '"id": "order_id",\n  "status": "SUCCESS"',
      '"status": "SUCCESS",\n  "id": "order_id"',
    );
    const signed = JSON.stringify(sortKeysDeep(JSON.parse(original)));
    const result = await verifyText(original, opensslSignature(signed, SECRET));
    expect(codes(result)).toEqual(['BODY_RESERIALISED']);
    expect(result.findings[0]!.evidence).toContainEqual({
      label: 'Key order',
      value: expect.stringContaining('sorted alphabetically'),
    });
  });

  it('BODY_RESERIALISED: escaped unicode (the signed form wrote é as \\u00e9)', async () => {
    const yours =
      '{\n  "event": "NEW_BRAND_CREATED",\n  "details": {\n    "id": "01GMAVS2CHXR0XP1BZSTA9A44K",\n    "name": "Café Coffee Day",\n    "discountPercentage": 2\n  }\n}';
    const signed = yours.replace('é', '\\u00e9');
    const result = await verifyText(yours, opensslSignature(signed, SECRET));
    expect(codes(result)).toEqual(['BODY_RESERIALISED']);
    expect(result.findings[0]!.evidence).toContainEqual({
      label: 'Strings',
      value: expect.stringContaining('escaped as \\u'),
    });
    const removed = result.diff!.segments.filter((segment) => segment.op === 'removed').map((segment) => segment.text);
    const added = result.diff!.segments.filter((segment) => segment.op === 'added').map((segment) => segment.text);
    expect(removed).toEqual(['é']);
    expect(added).toEqual(['\\u00e9']);
  });

  it('BODY_RESERIALISED: JSON.stringify(x, null, 2) of an SDK payload loses 1000.0 and the inline array', async () => {
    const original = text('sdk-transaction-completed');
    const result = await verifyText(JSON.stringify(JSON.parse(original), null, 2), opensslSignature(original, SECRET));
    expect(codes(result)).toEqual(['BODY_RESERIALISED']);
    expect(result.findings[0]!.evidence).toContainEqual({
      label: 'Numbers',
      value: expect.stringContaining('1000 → 1000.0'),
    });
    expect(JSON.stringify(result)).not.toContain('5333644476668777');
  });

  it('PARSED_JSON: the signature was computed over JSON.stringify(JSON.parse(raw body))', async () => {
    const original = text('sdk-transaction-failed');
    const result = await verifyText(original, opensslSignature(JSON.stringify(JSON.parse(original)), SECRET));
    expect(codes(result)).toEqual(['PARSED_JSON']);
    expect(result.diff).not.toBeNull();
  });

  it('PARSED_JSON: the signature was computed over "[object Object]"', async () => {
    const result = await verifyText(text('wallet-low-balance'), opensslSignature('[object Object]', SECRET));
    expect(codes(result)).toEqual(['PARSED_JSON']);
    expect(result.findings[0]!.message).toContain('[object Object]');
  });

  it("PARSED_JSON: the signature was computed over Python's str(dict)", async () => {
    const result = await verifyText(
      text('order-terminal-state'),
      opensslSignature("{'id': 'order_id', 'status': 'SUCCESS'}", SECRET),
    );
    expect(codes(result)).toEqual(['PARSED_JSON']);
    expect(result.findings[0]!.message).toContain('Python');
  });
});

describe('line breaks and BOM', () => {
  it('TRAILING_NEWLINE: your body gained a final newline', async () => {
    const original = text('wallet-low-balance');
    const result = await verifyText(`${original}\n`, opensslSignature(original, SECRET));
    expect(codes(result)).toEqual(['TRAILING_NEWLINE']);
    expect(result.findings[0]!.title).toBe('Extra trailing newline');
    expect(result.diff!.segments.filter((segment) => segment.op !== 'equal')).toEqual([
      expect.objectContaining({ op: 'removed', text: '\n', bytes: 1, hex: '0a' }),
    ]);
  });

  it('TRAILING_NEWLINE: the signed bytes ended with a newline your body lacks', async () => {
    const original = text('wallet-low-balance');
    const result = await verifyText(original, opensslSignature(`${original}\n`, SECRET));
    expect(codes(result)).toEqual(['TRAILING_NEWLINE']);
    expect(result.findings[0]!.title).toBe('Trailing newline missing');
  });

  it('CRLF: your body has CRLF line endings where Hubble signed LF', async () => {
    const original = text('brand-discount-update');
    const result = await verifyText(original.replaceAll('\n', '\r\n'), opensslSignature(original, SECRET));
    expect(codes(result)).toEqual(['CRLF']);
    expect(result.findings[0]!.message).toContain('5 lines');
  });

  it('CRLF: a pasted body lost its CRs, and the fix says to drop the file', async () => {
    const original = text('brand-discount-update').replaceAll('\n', '\r\n');
    const result = await verifyText(original.replaceAll('\r\n', '\n'), opensslSignature(original, SECRET));
    expect(codes(result)).toEqual(['CRLF']);
    expect(result.findings[0]!.fix).toContain('drop the raw file');
  });

  it('BOM: the file starts with a byte-order mark Hubble did not send', async () => {
    const original = fixture('sdk-brand-disabled');
    const result = await wh.verify({
      body: { base64: Buffer.concat([BOM, original]).toString('base64') },
      signatureHeader: opensslSignature(original, SECRET),
      secret: { kind: 'pasted', value: SECRET },
    });
    expect(result.verdict).toBe('invalid');
    expect(codes(result)).toEqual(['BOM']);
    expect(result.diff!.segments[0]).toMatchObject({ op: 'removed', bytes: 3, hex: 'ef bb bf' });
  });

  it('BOM and BODY_RESERIALISED together: a compact copy saved with a BOM', async () => {
    const original = text('order-terminal-state');
    const yours = Buffer.concat([BOM, Buffer.from(JSON.stringify(JSON.parse(original)))]);
    const result = await wh.verify({
      body: { base64: yours.toString('base64') },
      signatureHeader: opensslSignature(original, SECRET),
      secret: { kind: 'pasted', value: SECRET },
    });
    expect(codes(result)).toEqual(['BODY_RESERIALISED', 'BOM']);
  });
});

describe('signature header', () => {
  const original = text('order-terminal-state');
  const signature = () => opensslSignature(original, SECRET);

  it('SIGNATURE_HEX: the digest sent as 64 hex characters', async () => {
    const result = await verifyText(original, digestOf(signature()).toString('hex'));
    expect(codes(result)).toEqual(['SIGNATURE_HEX']);
    expect(result.findings[0]!.evidence).toContainEqual({ label: 'Same digest in base64', value: signature() });
  });

  it('SIGNATURE_BASE64URL: the digest in the URL-safe alphabet', async () => {
    const result = await verifyText(original, digestOf(signature()).toString('base64url'));
    expect(codes(result)).toEqual(['SIGNATURE_BASE64URL']);
  });

  it('SIGNATURE_UNPADDED: base64 with the "=" stripped', async () => {
    const result = await verifyText(original, signature().replace(/=+$/, ''));
    expect(codes(result)).toEqual(['SIGNATURE_UNPADDED']);
  });

  it('SIGNATURE_BASE64_OF_HEX: base64 of the hex string', async () => {
    const result = await verifyText(original, Buffer.from(digestOf(signature()).toString('hex')).toString('base64'));
    expect(codes(result)).toEqual(['SIGNATURE_BASE64_OF_HEX']);
  });

  it('SIGNATURE_PREFIX: "sha256=" and "Bearer " in front of the signature', async () => {
    expect(codes(await verifyText(original, `sha256=${signature()}`))).toEqual(['SIGNATURE_PREFIX']);
    const bearer = await verifyText(original, `Bearer ${signature()}`);
    expect(codes(bearer)).toEqual(['SIGNATURE_PREFIX']);
    expect(bearer.findings[0]!.evidence).toContainEqual({ label: 'Prefix', value: '"Bearer "' });
  });

  it('SIGNATURE_PREFIX and SIGNATURE_HEX together: GitHub-style sha256=<hex>', async () => {
    const result = await verifyText(original, `sha256=${digestOf(signature()).toString('hex')}`);
    expect(codes(result)).toEqual(['SIGNATURE_PREFIX', 'SIGNATURE_HEX']);
  });

  it('HEADER_MISSING: absent, null or blank', async () => {
    for (const header of [undefined, null, '', '  \n']) {
      const result = await verifyText(original, header);
      expect(codes(result)).toEqual(['HEADER_MISSING']);
      expect(result.expectedSignature).toBe(signature());
    }
  });

  it('SIGNATURE_MALFORMED: something that is no HMAC-SHA256 at all', async () => {
    expect(codes(await verifyText(original, 'not-a-signature'))).toEqual(['SIGNATURE_MALFORMED']);
  });

  it('a pasted "X-Verify: …" line and surrounding whitespace are not part of the value', async () => {
    const result = await wh.verify({
      body: { text: original },
      signatureHeader: `X-Verify: ${signature()}\n`,
      secret: { kind: 'pasted', value: SECRET },
    });
    expect(result.verdict).toBe('valid');
  });
});

describe('secret', () => {
  const original = text('brand-updated');

  it('SECRET_WHITESPACE: the secret was pasted with a trailing newline', async () => {
    const result = await verifyText(original, opensslSignature(original, SECRET), `${SECRET}\n`);
    expect(codes(result)).toEqual(['SECRET_WHITESPACE']);
    expect(result.findings[0]!.message).toContain('ends with \\n (line feed)');
  });

  it("SECRET_WHITESPACE: the signer's secret carried a trailing newline", async () => {
    const result = await verifyText(original, opensslSignature(original, `${SECRET}\n`));
    expect(codes(result)).toEqual(['SECRET_WHITESPACE']);
  });

  it('SECRET_HEX_DECODED: the secret used as the bytes its hex spells', async () => {
    const hexSecret = '8f3a0c5e7d9b1f2a4c6e8d0b2f4a6c8e';
    const result = await verifyText(
      original,
      opensslSignatureWithKeyBytes(original, Buffer.from(hexSecret, 'hex')),
      hexSecret,
    );
    expect(codes(result)).toEqual(['SECRET_HEX_DECODED']);
  });

  it('SECRET_BASE64_DECODED: the secret used as the bytes its base64 spells', async () => {
    const base64Secret = 'c2lnbmluZy1rZXktZm9yLXRlc3Rz';
    const result = await verifyText(
      original,
      opensslSignatureWithKeyBytes(original, Buffer.from(base64Secret, 'base64')),
      base64Secret,
    );
    expect(codes(result)).toEqual(['SECRET_BASE64_DECODED']);
  });

  it('NO_EXPLANATION: an unrelated secret, with what was checked', async () => {
    const result = await verifyText(original, opensslSignature(original, 'some-other-secret'));
    expect(codes(result)).toEqual(['NO_EXPLANATION']);
    expect(result.checked.length).toBeGreaterThanOrEqual(6);
    expect(result.checked.join(' ')).toContain('re-serialised');
    expect(result.diff).toBeNull();
  });

  it('a hex header that verifies under no secret still reports the encoding, then NO_EXPLANATION', async () => {
    const result = await verifyText(
      original,
      digestOf(opensslSignature(original, 'some-other-secret')).toString('hex'),
    );
    expect(codes(result)).toEqual(['SIGNATURE_HEX', 'NO_EXPLANATION']);
  });
});

describe('profiles', () => {
  it('OTHER_PROFILE_SECRET: a production-signed webhook checked against the staging profile, without revealing either secret', async () => {
    const stagingSecret = 'staging-webhook-secret-A1';
    const productionSecret = 'production-webhook-secret-B2';
    const stagingId = await wh.addProfile('staging', 'Acme staging', stagingSecret);
    await wh.addProfile('production', 'Acme production', productionSecret);
    await wh.addProfile('custom', 'No secret yet', null);
    const body = text('order-terminal-state');
    const result = await wh.verify({
      body: { text: body },
      signatureHeader: opensslSignature(body, productionSecret),
      secret: { kind: 'profile', profileId: stagingId },
    });
    expect(result.verdict).toBe('invalid');
    expect(codes(result)).toEqual(['OTHER_PROFILE_SECRET']);
    expect(result.findings[0]!.evidence).toContainEqual({
      label: 'Verifies with',
      value: 'Acme production (production)',
    });
    const all = JSON.stringify(result);
    expect(all).not.toContain(stagingSecret);
    expect(all).not.toContain(productionSecret);
  });

  it('OTHER_PROFILE_SECRET also checks profiles when the secret was pasted (the Simulator included)', async () => {
    const body = text('wallet-low-balance');
    const result = await verifyText(body, opensslSignature(body, 'sim-staging-webhook-secret'), 'pasted-but-wrong');
    expect(codes(result)).toEqual(['OTHER_PROFILE_SECRET']);
    expect(result.findings[0]!.evidence).toContainEqual({ label: 'Verifies with', value: 'Simulator (simulator)' });
  });

  it('a profile without a webhook secret is a clear NOT_FOUND, not a crash', async () => {
    const id = await wh.addProfile('staging', 'Secretless', null);
    const result = await wh.dispatch('webhooks.verify', {
      body: { text: '{}' },
      signatureHeader: 'x',
      secret: { kind: 'profile', profileId: id },
    });
    expect(result).toMatchObject({
      ok: false,
      error: { kind: 'NOT_FOUND', message: expect.stringContaining('has no webhook secret') },
    });
    const unknown = await wh.dispatch('webhooks.verify', {
      body: { text: '{}' },
      signatureHeader: 'x',
      secret: { kind: 'profile', profileId: 'no-such-profile' },
    });
    expect(unknown).toMatchObject({ ok: false, error: { kind: 'NOT_FOUND' } });
  });
});
