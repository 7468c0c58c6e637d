// Card numbers and PINs from SDK payloads never reach the renderer (DESIGN.md §4): everything main returns
// about a body (diffs, facts, examples, curl commands) goes through these first. Masking keeps the length,
// so byte offsets in a masked diff still line up with the real body.

const SENSITIVE_KEY = /^(cardNumber|cardPin|pin|voucherCode|voucherPin|cardNo)$/i;
const NUMBER_LIKE_KEY = /^(cardNumber|voucherCode|cardNo)$/i;
const MASK = '*';

export const isSensitiveKey = (key: string): boolean => SENSITIVE_KEY.test(key);

/** A card number keeps its last four characters (what a support agent needs to tell cards apart); a PIN keeps nothing. */
export function maskValue(key: string, value: string): string {
  const keepLast = NUMBER_LIKE_KEY.test(key) && value.length >= 8 && !value.includes('\\') ? 4 : 0;
  return MASK.repeat(value.length - keepLast) + value.slice(value.length - keepLast);
}

// "key": "value" (JSON), 'key': 'value' (Python), key=value (Java Map.toString), with string or bare values.
const SENSITIVE_PAIR =
  /(?<![\w$])(["']?)(cardNumber|cardPin|pin|voucherCode|voucherPin|cardNo)\1(\s*[:=]\s*)(?:(["'])((?:\\.|(?!\4)[^\\])*)\4|([0-9A-Za-z-]+))/gi;

/** Masks sensitive values wherever they appear in a body's text, even when the text is not valid JSON. */
export function maskCardDataInText(text: string): string {
  if (!/card|pin|voucher/i.test(text)) return text;
  return text.replace(
    SENSITIVE_PAIR,
    (match: string, q1: string, key: string, sep: string, q2?: string, quoted?: string, bare?: string) => {
      if (q2 !== undefined && quoted !== undefined) return `${q1}${key}${q1}${sep}${q2}${maskValue(key, quoted)}${q2}`;
      if (bare !== undefined) return `${q1}${key}${q1}${sep}${maskValue(key, bare)}`;
      return match;
    },
  );
}
