import { REDACTED } from '../../../shared/hubble/redact.ts';

const DIGIT_RUN = /(?<![0-9])[0-9](?:[ -]?[0-9]){12,18}(?![0-9])/g;

function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let at = 0; at < digits.length; at += 1) {
    let digit = digits.charCodeAt(digits.length - 1 - at) - 48;
    if (at % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/**
 * The last line of defence for imported rows: a partner's log is free-form, so a card number can sit in any
 * column (an id, a path, an error text) where the call log's key-based rules would let it through. Any 13–19
 * digit run that passes the Luhn check is replaced, wherever it is.
 */
export function withoutCardNumbers(text: string): string {
  if (!/[0-9]{4}/.test(text.replace(/[ -]/g, ''))) return text;
  return text.replace(DIGIT_RUN, (run) => (passesLuhn(run.replace(/[ -]/g, '')) ? REDACTED : run));
}
