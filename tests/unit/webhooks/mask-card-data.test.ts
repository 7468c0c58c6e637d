import { describe, expect, it } from 'vitest';
import { maskCardDataInText } from '../../../src/shared/webhooks/mask-card-data.ts';

describe('card data masking', () => {
  it('masks JSON, Python and JVM forms, keeping the length and the last four digits of a card number', () => {
    expect(maskCardDataInText('{"cardNumber": "5333644476668777", "cardPin":"123456"}')).toBe(
      '{"cardNumber": "************8777", "cardPin":"******"}',
    );
    expect(maskCardDataInText("{'cardNumber': '5333644476668777', 'cardPin': '123456'}")).toBe(
      "{'cardNumber': '************8777', 'cardPin': '******'}",
    );
    expect(maskCardDataInText('{cardNumber=5333644476668777, cardPin=123456}')).toBe(
      '{cardNumber=************8777, cardPin=******}',
    );
    expect(maskCardDataInText('{"cardPin":123456}')).toBe('{"cardPin":******}');
  });

  it('leaves other fields and look-alike keys alone', () => {
    const text = '{"shipping":"123456","mycardPin":"1","amount":1000.0,"pinned":"x"}';
    expect(maskCardDataInText(text)).toBe(text);
  });
});
