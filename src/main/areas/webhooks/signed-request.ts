import type { SignedRequest } from '../../../shared/webhooks/signing.ts';
import { maskCardDataInText } from '../../../shared/webhooks/mask-card-data.ts';

export const DEFAULT_TARGET_URL = 'http://localhost:3000/hubble-webhook';
export const BODY_FILE_NAME = 'webhook-body.json';

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const singleQuote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

/** bash/zsh ANSI-C quoting: every byte survives exactly, including CR, a BOM and invalid UTF-8. */
function ansiCQuote(bytes: Buffer): string {
  let out = "$'";
  for (const byte of bytes) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x27) out += "\\'";
    else if (byte === 0x0a) out += '\\n';
    else if (byte === 0x0d) out += '\\r';
    else if (byte === 0x09) out += '\\t';
    else if (byte >= 0x20 && byte < 0x7f) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `${out}'`;
}

const isControlOtherThanNewlineOrTab = (char: string) => {
  const code = char.charCodeAt(0);
  return (code < 0x20 && code !== 0x0a && code !== 0x09) || code === 0x7f;
};

type BodyArgument = { mode: 'inline'; argument: string } | { mode: 'file'; reason: string };

function bodyArgument(body: Buffer): BodyArgument {
  if (body.includes(0))
    return { mode: 'file', reason: 'The body contains a NUL byte, which no shell argument can carry.' };
  let text: string | null;
  try {
    text = utf8.decode(body);
  } catch {
    text = null;
  }
  // Card numbers and PINs never go back to the renderer, and the curl command is shown there.
  if (text !== null && maskCardDataInText(text) !== text) {
    return {
      mode: 'file',
      reason:
        'The body holds card numbers or PINs, which the console does not display: save the exact body to the file yourself.',
    };
  }
  const plain = text !== null && !text.startsWith('\uFEFF') && ![...text].some(isControlOtherThanNewlineOrTab);
  return { mode: 'inline', argument: plain ? singleQuote(text!) : ansiCQuote(body) };
}

export function signedRequest(body: Buffer, signature: string, url: string): SignedRequest {
  const target = new URL(url);
  const headerLine = `X-Verify: ${signature}`;
  const rawHeaders = [
    `POST ${target.pathname}${target.search} HTTP/1.1`,
    `Host: ${target.host}`,
    'Content-Type: application/json',
    `Content-Length: ${body.length}`,
    headerLine,
    '',
    '',
  ].join('\r\n');
  const data = bodyArgument(body);
  const curl = [
    `curl -sS -i -X POST ${singleQuote(url)}`,
    `  -H 'Content-Type: application/json'`,
    `  -H ${singleQuote(headerLine)}`,
    data.mode === 'inline' ? `  --data-binary ${data.argument}` : `  --data-binary @${BODY_FILE_NAME}`,
  ].join(' \\\n');
  const notes = [
    '--data-binary sends the body byte for byte; -d would strip newlines and break the signature.',
    'Your endpoint must answer 200: Hubble counts any other status as a failed delivery.',
  ];
  if (data.mode === 'file')
    notes.unshift(`${data.reason} Save it as ${BODY_FILE_NAME} with no newline added at the end.`);
  else if (data.argument.startsWith("$'"))
    notes.unshift(
      "The body is quoted as $'…' (bash, zsh) so that every byte, including CR, a BOM or non-UTF-8 bytes, is sent exactly.",
    );
  return {
    signature,
    headerLine,
    rawHeaders,
    curl,
    curlBody: data.mode,
    bodyFileName: data.mode === 'file' ? BODY_FILE_NAME : null,
    bodyBytes: body.length,
    notes,
  };
}
