import type { Environment, Polling, RateLimit, WebhookReceiver } from '../../../shared/contract/profiles.ts';

/** A profile as app.db holds it: no secret, and a base URL only for Custom. */
export interface ProfileRecord {
  id: string;
  name: string;
  environment: Environment;
  customBaseUrl: string | null;
  clientId: string;
  colour: string;
  walletMinimum: number | null;
  polling: Polling;
  rateLimits: RateLimit[];
  webhookReceiver: WebhookReceiver;
  createdAt: string;
  updatedAt: string;
}
