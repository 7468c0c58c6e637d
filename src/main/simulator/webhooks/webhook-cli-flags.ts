import { DEMO_CLIENTS } from '../demo-clients.ts';
import { WEBHOOK_TYPES, type WebhookType } from './payloads.ts';
import type { WebhookSeed, WebhookUrls } from './webhook-targets.ts';

export interface WebhookFlags {
  /** `--webhook-url URL`: every type, every client. */
  url?: string;
  /** `--webhook-url-for TYPE=URL` (repeatable): one type, every client. */
  urlFor?: readonly string[];
  /** `--client-webhook-url CLIENT=URL` or `CLIENT:TYPE=URL` (repeatable): one client. */
  clientUrl?: readonly string[];
  secret?: string;
}

const CLIENT_IDS: readonly string[] = Object.values(DEMO_CLIENTS).map((client) => client.clientId);
const isHttpUrl = (url: string) => /^https?:\/\/[^\s]+$/.test(url);

function typeOf(raw: string, flag: string): WebhookType {
  const type = raw.toUpperCase().replace(/-/g, '_');
  if (!(WEBHOOK_TYPES as readonly string[]).includes(type))
    throw new RangeError(`${flag}: ${raw} is not a webhook type (${WEBHOOK_TYPES.join(', ')})`);
  return type as WebhookType;
}

function split(raw: string, flag: string): [string, string] {
  const at = raw.indexOf('=');
  if (at <= 0) throw new RangeError(`${flag} takes NAME=URL, got ${raw}`);
  const url = raw.slice(at + 1);
  if (!isHttpUrl(url)) throw new RangeError(`${flag}: ${url} is not an http(s) URL`);
  return [raw.slice(0, at), url];
}

/** The simulator's webhook flags as a seed; undefined when none was given. Throws a RangeError the CLI prints. */
export function webhookSeedOf(flags: WebhookFlags, defaultSecret: string): WebhookSeed | undefined {
  if (flags.url !== undefined && !isHttpUrl(flags.url)) throw new RangeError('--webhook-url must be an http(s) URL');
  const urls: WebhookUrls = {};
  for (const raw of flags.urlFor ?? []) {
    const [type, url] = split(raw, '--webhook-url-for');
    urls[typeOf(type, '--webhook-url-for')] = url;
  }
  const clients: NonNullable<WebhookSeed['clients']> = {};
  for (const raw of flags.clientUrl ?? []) {
    const [target, url] = split(raw, '--client-webhook-url');
    const [clientId, type] = target.split(':') as [string, string | undefined];
    if (!CLIENT_IDS.includes(clientId))
      throw new RangeError(`--client-webhook-url: ${clientId} is not a demo client (${CLIENT_IDS.join(', ')})`);
    const entry = (clients[clientId] ??= {});
    if (type === undefined) entry.url = url;
    else entry.urls = { ...entry.urls, [typeOf(type, '--client-webhook-url')]: url };
  }
  const any = flags.url !== undefined || Object.keys(urls).length > 0 || Object.keys(clients).length > 0;
  if (!any) {
    if (flags.secret !== undefined) throw new RangeError('--webhook-secret needs a webhook URL flag');
    return undefined;
  }
  return {
    ...(flags.url !== undefined ? { url: flags.url } : {}),
    urls,
    clients,
    secret: flags.secret ?? defaultSecret,
  };
}
