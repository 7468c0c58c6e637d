import type { SimEngine } from '../engine.ts';
import type { ClientPatch, ClientState } from '../state/clients.ts';
import { sdkBrandEventPayload } from '../webhooks/payloads.ts';
import { applyWebhookUrlsPatch } from '../webhooks/webhook-targets.ts';
import { requireBrand } from './views.ts';

/** Applies a client patch. Every brand it enables must exist, checked before anything changes. */
export function patchClient(engine: SimEngine, client: ClientState, patch: ClientPatch): void {
  const enabled = (patch.enableBrands ?? []).map((id) => requireBrand(engine, id));
  if (patch.whitelisted !== undefined) client.whitelisted = patch.whitelisted;
  if (patch.enforceIpWhitelist !== undefined) client.enforceIpWhitelist = patch.enforceIpWhitelist;
  if (patch.dynamicIp !== undefined) client.dynamicIp = patch.dynamicIp;
  if (patch.b2c !== undefined) client.b2c = patch.b2c;
  if (patch.webhookUrl !== undefined) client.webhookUrl = patch.webhookUrl;
  if (patch.webhookUrls !== undefined)
    client.webhookUrls = applyWebhookUrlsPatch(client.webhookUrls, patch.webhookUrls);
  if (patch.webhookSecret !== undefined) client.webhookSecret = patch.webhookSecret;
  if (patch.lowBalanceThreshold !== undefined)
    client.lowBalanceThresholdPaise = Math.round(patch.lowBalanceThreshold * 100);
  if (patch.duplicateReference !== undefined) client.duplicateReference = patch.duplicateReference;
  if (patch.rateLimits !== undefined) client.rateLimits = patch.rateLimits;
  for (const id of patch.disableBrands ?? []) client.notEnabledBrandIds.add(id);
  for (const record of enabled) {
    const wasDisabled = client.notEnabledBrandIds.delete(record.brand.id);
    if (wasDisabled && engine.state.config.webhooks.sdkBrandEvents)
      engine.notify(client, 'SDK_BRAND_EVENT', sdkBrandEventPayload('NEW_BRAND_CREATED', record.brand));
  }
  engine.invalidateCaches();
}
