import type { CallDetail, SupportBundle } from '../../../shared/contract/calls.ts';
import { formatLocal, formatUtc } from './timestamps.ts';

export interface BundleContext {
  kind: 'call' | 'order';
  /** what the agent asked for, e.g. `orderId 01HZ…` */
  subject: string;
  generatedAt: number;
  timeZone: string;
}

const parsedOrText = (body: string | null): unknown => {
  if (body === null) return null;
  try {
    return JSON.parse(body);
  } catch {
    return body;
  }
};

const pretty = (body: string | null) => {
  const value = parsedOrText(body);
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
};

const indent = (text: string, by = '    ') =>
  text
    .split('\n')
    .map((line) => `${by}${line}`)
    .join('\n');

function callJson(call: CallDetail, timeZone: string) {
  return {
    xRequestId: call.requestId,
    timestampUtc: formatUtc(call.at),
    timestampLocal: formatLocal(call.at, timeZone),
    method: call.method,
    path: call.path,
    httpStatus: call.httpStatus,
    latencyMs: Math.round(call.latencyMs),
    outcome: call.outcome,
    orderId: call.orderId,
    referenceId: call.referenceId,
    orderStatus: call.orderStatus,
    attempt: call.attempt,
    origin: call.origin,
    error: call.failure
      ? {
          kind: call.failure.kind,
          id: call.failure.errorId,
          code: call.failure.errorCode,
          message: call.failure.hubbleMessage,
          hubbleRequestId: call.failure.serverRequestId,
          summary: call.failure.title,
          detail: call.failure.detail,
        }
      : null,
    requestBody: parsedOrText(call.requestBody),
    responseBody: parsedOrText(call.responseBody),
  };
}

function callText(call: CallDetail, index: number, total: number, timeZone: string): string {
  const lines = [
    `Call ${index + 1} of ${total}`,
    `  X-REQUEST-ID:   ${call.requestId}`,
    `  Timestamp:      ${formatUtc(call.at)}  (${formatLocal(call.at, timeZone)})`,
    `  Request:        ${call.method} ${call.path}`,
    `  HTTP status:    ${call.httpStatus ?? 'none (no answer)'}`,
    `  Latency:        ${Math.round(call.latencyMs)} ms`,
    `  Outcome:        ${call.outcome}`,
  ];
  if (call.orderId) lines.push(`  Order ID:       ${call.orderId}`);
  if (call.referenceId) lines.push(`  Reference ID:   ${call.referenceId}`);
  if (call.orderStatus) lines.push(`  Order status:   ${call.orderStatus}`);
  if (call.origin)
    lines.push(`  From:           ${call.origin.operator}’s console (team mode, ${call.origin.consoleId})`);
  if (call.failure) {
    const f = call.failure;
    const id = [f.errorId, f.errorCode].filter(Boolean).join(' ');
    lines.push(`  Error:          ${id ? `${id} — ` : ''}${f.hubbleMessage ?? f.title}`);
    if (f.serverRequestId && f.serverRequestId !== call.requestId)
      lines.push(`  Hubble requestId: ${f.serverRequestId}`);
    if (f.detail) lines.push(`  Detail:         ${f.detail}`);
  }
  lines.push('  Request body (redacted):', indent(call.requestBody === null ? '(none)' : pretty(call.requestBody)));
  lines.push(
    `  ${call.failure ? 'Error body' : 'Response body'} (redacted):`,
    indent(call.responseBody === null || call.responseBody === '' ? '(empty)' : pretty(call.responseBody)),
  );
  return lines.join('\n');
}

/**
 * What Hubble support asks for (Go Live page): X-REQUEST-ID, order ID or reference ID, timestamp, the error
 * body, plus environment and base URL; bodies are the stored, already redacted ones.
 */
export function buildSupportBundle(calls: readonly CallDetail[], context: BundleContext): SupportBundle {
  const first = calls[0];
  if (!first) throw new Error('A support bundle needs at least one call');
  const environment = first.environment;
  const orderIds = [...new Set(calls.map((call) => call.orderId).filter((id): id is string => Boolean(id)))];
  const referenceIds = [...new Set(calls.map((call) => call.referenceId).filter((id): id is string => Boolean(id)))];
  const header = [
    `Hubble support bundle (${context.kind === 'order' ? 'order' : 'API call'}): ${context.subject}`,
    `Generated:      ${formatUtc(context.generatedAt)}  (${formatLocal(context.generatedAt, context.timeZone)})`,
    `Environment:    ${environment}`,
    `Base URL:       ${first.baseUrl}`,
    `X-REQUEST-ID:   ${calls.map((call) => call.requestId).join(', ')}`,
    `Order ID:       ${orderIds.join(', ') || '(none)'}`,
    `Reference ID:   ${referenceIds.join(', ') || '(none)'}`,
    'Secrets (tokens, client secret, card numbers, PINs) are removed; phone numbers and e-mails are partly masked.',
  ];
  const text =
    [
      ...header,
      '',
      ...calls
        .map((call, index) => callText(call, index, calls.length, context.timeZone))
        .join('\n\n')
        .split('\n'),
    ].join('\n') + '\n';
  const json = JSON.stringify(
    {
      kind: context.kind,
      subject: context.subject,
      generatedAtUtc: formatUtc(context.generatedAt),
      timeZone: context.timeZone,
      environment,
      baseUrl: first.baseUrl,
      orderIds,
      referenceIds,
      calls: calls.map((call) => callJson(call, context.timeZone)),
    },
    null,
    2,
  );
  const stamp = formatUtc(context.generatedAt).replace(/[:.]/g, '-');
  const label = (context.kind === 'order' ? (orderIds[0] ?? referenceIds[0] ?? 'order') : first.requestId)
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, 60);
  return { text, json, fileName: `hubble-support-${label}-${stamp}`, calls: calls.length };
}
