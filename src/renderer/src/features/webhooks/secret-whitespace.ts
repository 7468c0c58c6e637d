// A pasted secret can carry characters nobody sees: a final newline from a file, a tab from a spreadsheet, a
// no-break space from a web page. Hubble keys the HMAC with the secret exactly as issued, so these decide the
// verdict; the debugger shows where they are without showing the secret itself.

const INVISIBLE: Record<string, { mark: string; name: string }> = {
  ' ': { mark: '·', name: 'a space' },
  '\t': { mark: '⇥', name: 'a tab' },
  '\r': { mark: '␍', name: 'a carriage return' },
  '\n': { mark: '␊', name: 'a line feed (newline)' },
  '\u00a0': { mark: '⍽', name: 'a no-break space' },
  '\u200b': { mark: '[ZWSP]', name: 'a zero-width space' },
  '\ufeff': { mark: '[BOM]', name: 'a byte-order mark' },
};
const INVISIBLE_CHAR = /[\s\u200b\ufeff]/;

const markOf = (char: string) => INVISIBLE[char]?.mark ?? `[U+${char.codePointAt(0)!.toString(16).toUpperCase()}]`;
const nameOf = (char: string) => INVISIBLE[char]?.name ?? `U+${char.codePointAt(0)!.toString(16).toUpperCase()}`;
const names = (run: string) => {
  const list = [...run].map(nameOf);
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)!}`;
};

export interface SecretWhitespace {
  /** The secret with every visible character as • and every invisible one as its mark (␍ ␊ ⇥ ·). */
  masked: string;
  notes: string[];
}

/** Where the invisible characters of a secret are, or null when it has none. */
export function secretWhitespace(secret: string): SecretWhitespace | null {
  const chars = [...secret];
  if (!chars.some((char) => INVISIBLE_CHAR.test(char))) return null;
  const masked = chars.map((char) => (INVISIBLE_CHAR.test(char) ? markOf(char) : '•')).join('');
  let start = 0;
  while (start < chars.length && INVISIBLE_CHAR.test(chars[start]!)) start += 1;
  let end = chars.length;
  while (end > start && INVISIBLE_CHAR.test(chars[end - 1]!)) end -= 1;
  const notes: string[] = [];
  if (start === chars.length) return { masked, notes: ['The secret is only whitespace.'] };
  const leading = chars.slice(0, start).join('');
  const trailing = chars.slice(end).join('');
  const inner = chars.slice(start, end).filter((char) => INVISIBLE_CHAR.test(char));
  if (leading) notes.push(`Starts with ${names(leading)} (${[...leading].map(markOf).join('')}).`);
  if (trailing) notes.push(`Ends with ${names(trailing)} (${[...trailing].map(markOf).join('')}).`);
  if (inner.length > 0)
    notes.push(
      `Contains ${inner.length} invisible character${inner.length === 1 ? '' : 's'} inside (${[...new Set(inner)].map(markOf).join(' ')}).`,
    );
  return { masked, notes };
}
