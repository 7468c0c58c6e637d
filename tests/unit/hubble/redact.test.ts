import { describe, expect, it } from 'vitest';
import { maskEmail, maskPhone, REDACTED, redactText, redactValue } from '../../../src/shared/hubble/redact.ts';

describe('redactValue', () => {
  it('removes card numbers, PINs and tokens by field name, at any depth', () => {
    const order = {
      id: '01HZORDER',
      status: 'SUCCESS',
      vouchers: [
        { id: 'v1', cardType: 'CARD_AND_PIN_NO_SECURED', cardNumber: '2359481287412', cardPin: '112233', amount: 500 },
      ],
    };
    const out = redactValue(order) as typeof order;
    expect(out.vouchers[0]).toEqual({
      id: 'v1',
      cardType: 'CARD_AND_PIN_NO_SECURED',
      cardNumber: REDACTED,
      cardPin: REDACTED,
      amount: 500,
    });
    expect(out.id).toBe('01HZORDER');
    expect(order.vouchers[0]!.cardPin).toBe('112233');
    expect(redactValue({ token: 'eyJabc', expiresInSecs: 3600 })).toEqual({ token: REDACTED, expiresInSecs: 3600 });
    expect(redactValue({ clientId: 'partner-1', clientSecret: 's3cr3t-value' })).toEqual({
      clientId: 'partner-1',
      clientSecret: REDACTED,
    });
    expect(redactValue({ webhook_secret: 'whsec', Authorization: 'Bearer x' })).toEqual({
      webhook_secret: REDACTED,
      Authorization: REDACTED,
    });
  });

  it('partly masks customer phone numbers and e-mails', () => {
    const out = redactValue({
      customerDetails: { name: 'Asha', phoneNumber: '9876543210', email: 'asha.k@example.com' },
    });
    expect(out).toEqual({ customerDetails: { name: 'Asha', phoneNumber: '98******10', email: 'a***@example.com' } });
    expect(maskPhone('+91 98765 43210')).toBe('91********10');
    expect(maskEmail('not-an-email')).toBe(REDACTED);
  });

  it('removes known secret values wherever they appear, even in an unrelated field', () => {
    const out = redactValue(
      { debugMessage: 'secret was hunter2-secret-value, sorry' },
      { secrets: ['hunter2-secret-value'] },
    );
    expect(out).toEqual({ debugMessage: `secret was ${REDACTED}, sorry` });
  });

  it('keeps long numeric identifiers under id fields but masks card-like digits in free text', () => {
    expect(redactValue({ referenceId: 'ord-20240512000123456' })).toEqual({ referenceId: 'ord-20240512000123456' });
    expect(redactValue({ note: 'card 4111 1111 1111 1111 used' })).toEqual({ note: `card ${REDACTED} used` });
  });
});

describe('redactText', () => {
  it('masks secrets inside bodies that are not JSON (a truncated answer, HTML)', () => {
    const truncated = '{"id":"o1","vouchers":[{"cardNumber":"5333644476668777","cardPin":"123456","amount":5';
    const out = redactText(truncated);
    expect(out).not.toContain('5333644476668777');
    expect(out).not.toContain('123456');
    expect(out).toContain('"id":"o1"');
    expect(redactText('<p>Authorization: Bearer abc.def.ghi</p>')).not.toContain('abc.def.ghi');
    expect(redactText('token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.sig')).not.toContain('eyJhbGci');
    expect(redactText('{"phoneNumber":"9876543210"}')).toBe('{"phoneNumber":"98******10"}');
    expect(redactText('write to someone@example.org')).toBe('write to s***@example.org');
  });

  it('finds a JWT or an e-mail where its run of characters starts, however long the text around it', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln';
    for (const before of [' ', '"', '=', ':', '(', '\n'])
      expect(redactText(`x${before}${jwt} y`)).toBe(`x${before}${REDACTED} y`);
    // Long runs (an attempt at every position used to rescan the rest of the run: seconds of main's time).
    const eyJs = 'eyJ'.repeat(20_000);
    expect(redactText(`${eyJs} ${jwt}`)).toBe(`${eyJs} ${REDACTED}`);
    const local = 'a.'.repeat(20_000);
    expect(redactText(`to ${local}b@example.com`)).toBe('to a***@example.com');
    expect(redactText(`${'b'.repeat(40_000)} none`)).toBe(`${'b'.repeat(40_000)} none`);
  });

  it('leaves ordinary text alone', () => {
    const text = 'Insufficient wallet balance for order ord-42 (E300)';
    expect(redactText(text)).toBe(text);
    expect(redactText('')).toBe('');
  });
});
