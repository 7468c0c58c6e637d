import type { SimEngine } from '../engine.ts';
import { SimError } from '../errors.ts';
import type { BrandRecord } from '../state/brands.ts';
import type { ClientState } from '../state/clients.ts';
import type { SimClientView, SimOrderDetails } from './contract.ts';

export function requireClient(engine: SimEngine, clientId: string): ClientState {
  const client = engine.state.clients.get(clientId);
  if (!client) throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No client ${clientId}` });
  return client;
}

export function requireBrand(engine: SimEngine, brandId: string): BrandRecord {
  const record = engine.state.brands.get(brandId);
  if (!record) throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No brand with id ${brandId}` });
  return record;
}

export function describeClient(engine: SimEngine, client: ClientState): SimClientView {
  return {
    clientId: client.clientId,
    environment: client.environment,
    b2c: client.b2c,
    enforceIpWhitelist: client.enforceIpWhitelist,
    whitelisted: client.whitelisted,
    dynamicIp: client.dynamicIp,
    webhookUrl: client.webhookUrl,
    webhookUrls: { ...client.webhookUrls },
    balance: client.walletPaise / 100,
    lowBalanceThreshold: client.lowBalanceThresholdPaise / 100,
    duplicateReference: client.duplicateReference,
    rateLimits: client.rateUsage.describe(client.rateLimits, engine.now()),
    notEnabledBrandIds: [...client.notEnabledBrandIds],
  };
}

export function orderDetails(engine: SimEngine, orderId: string): SimOrderDetails {
  const order = engine.state.orders.get(orderId);
  if (!order) throw new SimError('RESOURCE_NOT_FOUND', { debugMessage: `No order with id ${orderId}` });
  return {
    id: order.id,
    clientId: order.clientId,
    referenceId: order.referenceId,
    productId: order.productId,
    amount: order.amountPaise / 100,
    refunded: order.refundedPaise / 100,
    status: order.status,
    wasProcessing: order.wasProcessing,
    settlesAt: order.settlement ? new Date(order.settlement.at).toISOString() : null,
    history: order.history.map((entry) => ({ status: entry.status, at: new Date(entry.at).toISOString() })),
    voucherIds: order.vouchers.map((voucher) => voucher.id),
  };
}
