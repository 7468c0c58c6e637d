import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_SIGNATURE_HEADER_CHARS } from '../../../src/shared/webhooks/limits.ts';
import type { Verification } from '../../../src/shared/webhooks/verification.ts';
import { opensslSignature } from './openssl-hmac.ts';
import { startWebhooksCore, type WebhooksCore } from './webhooks-core.ts';

// Hostile input through the router's dispatch, as the renderer would send it: a clear answer, never a crash.

const SECRET = 'whsec_hostile';
const pasted = { kind: 'pasted', value: SECRET } as const;
let wh: WebhooksCore;
beforeAll(async () => {
  wh = await startWebhooksCore();
});
afterAll(async () => {
  await wh.close();
});

async function expectValidationError(channel: string, input: unknown, message: RegExp) {
  const result = await wh.dispatch(channel, input);
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect(result.error.kind).toBe('VALIDATION');
  const text = [
    result.error.message,
    ...((result.error.details as { issues?: Array<{ message: string }> })?.issues ?? []).map((issue) => issue.message),
  ].join(' | ');
  expect(text).toMatch(message);
  expect(JSON.stringify(result)).not.toContain(SECRET);
}

describe('webhook debugger: hostile input', () => {
  it('an empty body is refused with a clear message, as text or as a file', async () => {
    for (const channel of ['webhooks.verify', 'webhooks.sign', 'webhooks.classify']) {
      await expectValidationError(
        channel,
        { body: { text: '' }, signatureHeader: 'x', secret: pasted },
        /The body is empty/,
      );
    }
    await expectValidationError(
      'webhooks.verify',
      { body: { base64: '' }, signatureHeader: 'x', secret: pasted },
      /The body is empty/,
    );
    await expectValidationError(
      'webhooks.verify',
      { body: { base64: '==' }, signatureHeader: 'x', secret: pasted },
      /The body is empty/,
    );
  });

  it('a 10 MB body is refused with the limit in the message, as text and as base64', async () => {
    const tenMb = 'a'.repeat(10 * 1024 * 1024);
    await expectValidationError(
      'webhooks.verify',
      { body: { text: tenMb }, signatureHeader: 'x', secret: pasted },
      /10,485,760 characters; the debugger accepts bodies up to 1 MiB/,
    );
    await expectValidationError(
      'webhooks.classify',
      { body: { base64: Buffer.from(tenMb).toString('base64') } },
      /larger than 1 MiB/,
    );
  });

  it('a text within the character limit but over 1 MiB of UTF-8 is refused by byte count', async () => {
    const text = 'é'.repeat(MAX_BODY_BYTES / 2 + 1);
    await expectValidationError(
      'webhooks.verify',
      { body: { text }, signatureHeader: 'x', secret: pasted },
      /1,048,578 bytes; the debugger accepts bodies up to 1 MiB/,
    );
  });

  it('a body of exactly 1 MiB is accepted and verified', async () => {
    const body = crypto.randomBytes(MAX_BODY_BYTES);
    const result = await wh.verify({
      body: { base64: body.toString('base64') },
      signatureHeader: opensslSignature(body, SECRET),
      secret: pasted,
    });
    expect(result.verdict).toBe('valid');
  });

  it('binary bodies verify on their exact bytes, and a failing one is diagnosed without JSON', async () => {
    const body = crypto.randomBytes(4096);
    const ok = await wh.verify({
      body: { base64: body.toString('base64') },
      signatureHeader: opensslSignature(body, SECRET),
      secret: pasted,
    });
    expect(ok.verdict).toBe('valid');
    const bad = await wh.verify({
      body: { base64: body.toString('base64') },
      signatureHeader: opensslSignature(body, 'another'),
      secret: pasted,
    });
    expect(bad.findings.map((finding) => finding.code)).toEqual(['NO_EXPLANATION']);
    expect(bad.checked.join(' ')).toContain('not valid UTF-8 JSON');
    const classification = await wh.classify({ body: { base64: body.toString('base64') } });
    expect(classification).toMatchObject({ json: 'invalid', type: null, confidence: 'none' });
  });

  it('invalid UTF-8 is classified as such with its offset, and its diff is shown byte by byte', async () => {
    const body = Buffer.concat([Buffer.from('{"id":"'), Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const classification = await wh.classify({ body: { base64: body.toString('base64') } });
    expect(classification.parseError).toBe('The body is not valid UTF-8 (first bad byte near offset 7).');
    const withNewline = Buffer.concat([body, Buffer.from('\n')]);
    const result = (await wh.verify({
      body: { base64: withNewline.toString('base64') },
      signatureHeader: opensslSignature(body, SECRET),
      secret: pasted,
    })) as Verification;
    expect(result.findings.map((finding) => finding.code)).toEqual(['TRAILING_NEWLINE']);
    expect(result.diff!.segments.filter((segment) => segment.op !== 'equal')).toEqual([
      expect.objectContaining({ op: 'removed', hex: '0a' }),
    ]);
  });

  it('a header of absurd length is refused; one at the limit is diagnosed as malformed', async () => {
    await expectValidationError(
      'webhooks.verify',
      { body: { text: '{}' }, signatureHeader: 'A'.repeat(1_000_000), secret: pasted },
      /1,000,000 characters; a real one is 44/,
    );
    const atLimit = await wh.verify({
      body: { text: '{}' },
      signatureHeader: 'A'.repeat(MAX_SIGNATURE_HEADER_CHARS),
      secret: pasted,
    });
    expect(atLimit.findings.map((finding) => finding.code)).toEqual(['SIGNATURE_MALFORMED']);
    const manyTokens = await wh.verify({
      body: { text: '{}' },
      signatureHeader: `${'x'.repeat(43)} `.repeat(90),
      secret: pasted,
    });
    expect(manyTokens.verdict).toBe('invalid');
  });

  it('deeply nested JSON neither crashes verification nor classification', async () => {
    const deep = `${'['.repeat(200_000)}${']'.repeat(200_000)}`;
    const result = await wh.verify({
      body: { text: deep },
      signatureHeader: opensslSignature('x', SECRET),
      secret: pasted,
    });
    expect(result.findings.map((finding) => finding.code)).toEqual(['NO_EXPLANATION']);
    expect((await wh.classify({ body: { text: deep } })).json).toBe('not-object');
    const deepObject = `${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}`;
    expect((await wh.classify({ body: { text: deepObject } })).type).toBeNull();
  });

  it('malformed input shapes are refused without calling the service', async () => {
    const bad: unknown[] = [
      undefined,
      null,
      'text',
      { body: { text: '{}', base64: 'e30=' }, secret: pasted },
      { body: { base64: 'not base64!' }, secret: pasted },
      { body: { text: '{}' }, secret: { kind: 'pasted', value: '' } },
      { body: { text: '{}' }, secret: { kind: 'pasted', value: 'x'.repeat(5000) } },
      { body: { text: '{}' }, secret: { kind: 'keychain', profileId: 'simulator' } },
      { body: { text: '{}' }, signatureHeader: 42, secret: pasted },
      { body: { text: '{}' }, secret: pasted, extra: true },
    ];
    for (const input of bad) {
      const result = await wh.dispatch('webhooks.verify', input);
      expect(result).toMatchObject({ ok: false, error: { kind: 'VALIDATION' } });
    }
    const url = await wh.dispatch('webhooks.sign', { body: { text: '{}' }, secret: pasted, url: 'file:///etc/passwd' });
    expect(url).toMatchObject({ ok: false, error: { kind: 'VALIDATION' } });
  });

  it('a pasted secret never appears in any answer, valid or not', async () => {
    const secret = 'pasted-secret-Zx81Qv';
    const body = '{"balance":50,"threshold":100}';
    const answers = await Promise.all([
      wh.dispatch('webhooks.verify', {
        body: { text: body },
        signatureHeader: opensslSignature(body, secret),
        secret: { kind: 'pasted', value: secret },
      }),
      wh.dispatch('webhooks.verify', {
        body: { text: body },
        signatureHeader: 'junk',
        secret: { kind: 'pasted', value: secret },
      }),
      wh.dispatch('webhooks.verify', {
        body: { text: `${body}\n` },
        signatureHeader: opensslSignature(body, secret),
        secret: { kind: 'pasted', value: `${secret} ` },
      }),
      wh.dispatch('webhooks.sign', { body: { text: body }, secret: { kind: 'pasted', value: secret } }),
    ]);
    for (const answer of answers) {
      expect(answer.ok).toBe(true);
      expect(JSON.stringify(answer)).not.toContain(secret);
    }
  });
});
