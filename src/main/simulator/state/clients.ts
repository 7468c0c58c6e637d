import { z } from 'zod';
import { DEMO_CLIENTS } from '../demo-clients.ts';
import { rateLimitSchema, RateLimitCounters, type RateLimit } from './rate-limits.ts';
import { webhookUrlsPatchSchema, type WebhookSeed, type WebhookUrls } from '../webhooks/webhook-targets.ts';

export type Environment = 'staging' | 'production';

/** One partner account: its credentials, environment, access rules, wallet and webhook target. */
export interface ClientState {
  clientId: string;
  clientSecret: string;
  environment: Environment;
  /** B2C clients must send customerDetails with every order (hubble-api.md §6.1). */
  b2c: boolean;
  /** Production enforces the source-IP allow-list; staging "may not require" it. */
  enforceIpWhitelist: boolean;
  /** Whether the caller counts as coming from a whitelisted IP (the simulator cannot see the partner's real IP). */
  whitelisted: boolean;
  /** Partners on dynamic IPs are exempt from the allow-list. */
  dynamicIp: boolean;
  webhookUrl: string | null;
  /** A URL per webhook type; a type without one goes to `webhookUrl`. */
  webhookUrls: WebhookUrls;
  webhookSecret: string;
  walletPaise: number;
  lowBalanceThresholdPaise: number;
  duplicateReference: 'return-existing' | 'error';
  rateLimits: RateLimit[];
  rateUsage: RateLimitCounters;
  notEnabledBrandIds: Set<string>;
}

export const clientPatchSchema = z
  .object({
    whitelisted: z.boolean(),
    enforceIpWhitelist: z.boolean(),
    dynamicIp: z.boolean(),
    b2c: z.boolean(),
    webhookUrl: z.url({ protocol: /^https?$/ }).nullable(),
    /** Per webhook type: a URL sets it, null removes it. */
    webhookUrls: webhookUrlsPatchSchema,
    webhookSecret: z.string().min(1).max(500),
    lowBalanceThreshold: z.number().min(0),
    duplicateReference: z.enum(['return-existing', 'error']),
    rateLimits: z.array(rateLimitSchema).max(100),
    /** Enable brands for this client (sends NEW_BRAND_CREATED when SDK brand events are on). */
    enableBrands: z.array(z.string()).max(1000),
    disableBrands: z.array(z.string()).max(1000),
  })
  .partial()
  .strict();
export type ClientPatch = z.infer<typeof clientPatchSchema>;

const rupees = (value: number): number => Math.round(value * 100);

interface ClientSeed {
  webhook?: WebhookSeed;
  notEnabled: Record<string, string[]>;
}

export function createClients(seed: ClientSeed): Map<string, ClientState> {
  const base = (clientId: string) => ({
    rateLimits: [],
    rateUsage: new RateLimitCounters(),
    notEnabledBrandIds: new Set(seed.notEnabled[clientId] ?? []),
    webhookUrl: seed.webhook?.clients?.[clientId]?.url ?? seed.webhook?.url ?? null,
    webhookUrls: { ...seed.webhook?.urls, ...seed.webhook?.clients?.[clientId]?.urls },
    duplicateReference: 'return-existing' as const,
    whitelisted: true,
    dynamicIp: false,
  });
  const list: ClientState[] = [
    {
      ...base(DEMO_CLIENTS.staging.clientId),
      ...DEMO_CLIENTS.staging,
      webhookSecret: seed.webhook?.secret ?? DEMO_CLIENTS.staging.webhookSecret,
      environment: 'staging',
      b2c: false,
      enforceIpWhitelist: false,
      walletPaise: rupees(500_000),
      lowBalanceThresholdPaise: rupees(10_000),
    },
    {
      ...base(DEMO_CLIENTS.production.clientId),
      ...DEMO_CLIENTS.production,
      webhookSecret: seed.webhook?.secret ?? DEMO_CLIENTS.production.webhookSecret,
      environment: 'production',
      b2c: false,
      enforceIpWhitelist: true,
      walletPaise: rupees(1_000_000),
      lowBalanceThresholdPaise: rupees(50_000),
    },
    {
      ...base(DEMO_CLIENTS.b2c.clientId),
      ...DEMO_CLIENTS.b2c,
      webhookSecret: seed.webhook?.secret ?? DEMO_CLIENTS.b2c.webhookSecret,
      environment: 'staging',
      b2c: true,
      enforceIpWhitelist: false,
      walletPaise: rupees(200_000),
      lowBalanceThresholdPaise: rupees(5_000),
    },
  ];
  return new Map(list.map((client) => [client.clientId, client]));
}

/** The 403 rule: enforced allow-list, caller not on it, and no dynamic-IP exemption. */
export const isBlockedByIpWhitelist = (client: ClientState): boolean =>
  client.enforceIpWhitelist && !client.whitelisted && !client.dynamicIp;
