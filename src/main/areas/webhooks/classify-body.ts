import type { Classification } from '../../../shared/webhooks/classification.ts';
import { classifyPayload, unclassified } from '../../../shared/webhooks/classify-payload.ts';
import { maskCardDataInText } from '../../../shared/webhooks/mask-card-data.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

const unparsed = (parseError: string): Classification =>
  unclassified(
    'invalid',
    parseError,
    'Every Hubble webhook body is a UTF-8 JSON object; this body is not, so it cannot be classified.',
  );

/** Where decoding first goes wrong (lead byte or continuation), for the message; overlong forms are not singled out. */
function firstInvalidUtf8(body: Buffer): number {
  let at = 0;
  while (at < body.length) {
    const lead = body[at]!;
    const extra =
      lead < 0x80
        ? 0
        : lead >= 0xc2 && lead <= 0xdf
          ? 1
          : lead >= 0xe0 && lead <= 0xef
            ? 2
            : lead >= 0xf0 && lead <= 0xf4
              ? 3
              : -1;
    if (extra < 0) return at;
    for (let next = 1; next <= extra; next += 1) {
      const byte = body[at + next];
      if (byte === undefined || (byte & 0xc0) !== 0x80) return at;
    }
    at += extra + 1;
  }
  return at;
}

export function classifyBody(body: Buffer): Classification {
  let text: string;
  try {
    text = utf8.decode(body);
  } catch {
    return unparsed(`The body is not valid UTF-8 (first bad byte near offset ${firstInvalidUtf8(body)}).`);
  }
  const withoutBom = text.startsWith('\uFEFF') ? text.slice(1) : text;
  let value: unknown;
  try {
    value = JSON.parse(withoutBom);
  } catch (error) {
    const detail = error instanceof Error ? maskCardDataInText(error.message).slice(0, 200) : 'syntax error';
    return unparsed(`The body is not valid JSON: ${detail}`);
  }
  const classification = classifyPayload(value);
  return text === withoutBom
    ? classification
    : {
        ...classification,
        notes: ['The body starts with a UTF-8 byte-order mark; Hubble does not send one.', ...classification.notes],
      };
}
