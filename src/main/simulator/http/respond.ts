import type { ServerResponse } from 'node:http';

export function sendRaw(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  contentType: string,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, { 'content-type': contentType, 'content-length': Buffer.byteLength(body), ...headers });
  res.end(body);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  json: string,
  headers: Record<string, string> = {},
): void {
  sendRaw(res, status, json, 'application/json; charset=utf-8', headers);
}

export function splitUrl(url: string | undefined): { path: string; search: URLSearchParams } {
  const raw = url ?? '/';
  const mark = raw.indexOf('?');
  return mark < 0
    ? { path: raw, search: new URLSearchParams() }
    : { path: raw.slice(0, mark), search: new URLSearchParams(raw.slice(mark + 1)) };
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
