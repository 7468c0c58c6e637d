import type { JsonNode } from './json-lossless.ts';

// What a body becomes when code hashes the parsed object instead of the raw text: JavaScript's String(obj),
// Python's str(dict) and a JVM Map.toString(). Each is a real way receivers end up with a signature that
// can never match.

export type ParsedObjectForm = 'object-object' | 'python-str' | 'java-map';

export const PARSED_OBJECT_FORM_LABELS: Record<ParsedObjectForm, string> = {
  'object-object': 'JavaScript String(object): "[object Object]"',
  'python-str': "Python str(dict): {'key': 'value', …}",
  'java-map': 'JVM Map.toString(): {key=value, …}',
};

const isFloatLexeme = (raw: string) => /[.eE]/.test(raw);

function pythonFloat(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e16) return `${value}.0`;
  return String(value).replace(/e\+?/, (match) => (match === 'e' ? 'e' : 'e+'));
}

function pythonString(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    if (char === '\\') out += '\\\\';
    else if (char === quote) out += `\\${quote}`;
    else if (char === '\n') out += '\\n';
    else if (char === '\r') out += '\\r';
    else if (char === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += char;
  }
  return quote + out + quote;
}

function pythonRepr(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return `{${node.entries.map((entry) => `${pythonString(entry.key.value)}: ${pythonRepr(entry.value)}`).join(', ')}}`;
    case 'array':
      return `[${node.items.map(pythonRepr).join(', ')}]`;
    case 'string':
      return pythonString(node.value);
    case 'number':
      return isFloatLexeme(node.raw) ? pythonFloat(Number(node.raw)) : node.raw;
    case 'literal':
      return node.raw === 'true' ? 'True' : node.raw === 'false' ? 'False' : 'None';
  }
}

/** Java's Double.toString: plain between 10^-3 and 10^7, otherwise 1.0E7 style. */
function javaDouble(value: number): string {
  const abs = Math.abs(value);
  if (abs === 0 || (abs >= 1e-3 && abs < 1e7)) return Number.isInteger(value) ? `${value}.0` : String(value);
  const [mantissa = '0', exponent = '0'] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

function javaToString(node: JsonNode): string {
  switch (node.kind) {
    case 'object':
      return `{${node.entries.map((entry) => `${entry.key.value}=${javaToString(entry.value)}`).join(', ')}}`;
    case 'array':
      return `[${node.items.map(javaToString).join(', ')}]`;
    case 'string':
      return node.value;
    case 'number':
      return isFloatLexeme(node.raw) ? javaDouble(Number(node.raw)) : node.raw;
    case 'literal':
      return node.raw;
  }
}

/** `runtimeForms: false` leaves out the two forms that walk the whole tree at once (for large bodies). */
export function parsedObjectStrings(
  root: JsonNode,
  runtimeForms = true,
): Array<{ form: ParsedObjectForm; text: string }> {
  const forms: Array<{ form: ParsedObjectForm; text: string }> = [];
  if (root.kind === 'object') forms.push({ form: 'object-object', text: '[object Object]' });
  if (runtimeForms)
    forms.push({ form: 'python-str', text: pythonRepr(root) }, { form: 'java-map', text: javaToString(root) });
  return forms;
}
