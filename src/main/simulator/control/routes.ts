import type { z } from 'zod';
import { brandArtSvg, brandTermsHtml } from '../catalogue/assets.ts';
import { changeBrand } from '../catalogue/change-brand.ts';
import { applyConfigPatch, configConflicts } from '../config.ts';
import type { SimEngine } from '../engine.ts';
import { SimError } from '../errors.ts';
import { cancelOrder, reverseOrder, settleOrderNow } from '../orders/admin-transitions.ts';
import { SCENARIOS } from '../scenarios.ts';
import { applyScenario } from '../state/sim-state.ts';
import type { ControlContract, ControlOperationName } from './contract.ts';
import type { ControlOperationSpec, ParsedControlInput } from './define.ts';
import { patchClient } from './patch-client.ts';
import { describeClient, orderDetails, requireBrand, requireClient } from './views.ts';

type Answer<S extends ControlOperationSpec> = z.input<S['response']>;

/** One control's work, given input its contract entry has already parsed. */
export type ControlHandler<S extends ControlOperationSpec> = (
  engine: SimEngine,
  input: ParsedControlInput<S>,
) => Answer<S> | Promise<Answer<S>>;

const clockNow = (engine: SimEngine) => ({ now: engine.now(), iso: new Date(engine.now()).toISOString() });

/** One handler per contract entry; the type makes a missing or extra one a compile error. */
export const CONTROL_HANDLERS: { [N in ControlOperationName]: ControlHandler<ControlContract[N]> } = {
  health: () => ({ ok: true }),
  reset: (engine, { body }) => {
    engine.reset(body.seed, body.scenario);
    return { ok: true, seed: engine.state.seed, scenario: engine.state.scenario.name };
  },
  scenarios: () => ({ scenarios: Object.values(SCENARIOS) }),
  scenario: (engine, { body }) => {
    applyScenario(engine.state, body.name);
    return { ok: true, scenario: engine.state.scenario };
  },
  readConfig: (engine) => engine.state.config,
  config: (engine, { body }) => {
    const next = applyConfigPatch(engine.state.config, body);
    const conflicts = configConflicts(next);
    if (conflicts.length > 0)
      throw new SimError('BAD_REQUEST', {
        debugMessage: `Invalid body for POST /__sim/config: ${conflicts.join('; ')}`,
        subErrors: conflicts.map((message) => ({ fieldName: '(body)', message })),
      });
    engine.state.config = next;
    engine.invalidateCaches();
    return engine.state.config;
  },
  clock: (engine) => ({ ...clockNow(engine), frozen: engine.clock.frozen }),
  advanceClock: (engine, { body }) => {
    engine.advance(body.seconds);
    return clockNow(engine);
  },
  setWallet: (engine, { body }) => {
    const client = requireClient(engine, body.clientId);
    client.walletPaise = Math.round(body.balance * 100);
    return { clientId: client.clientId, balance: client.walletPaise / 100 };
  },
  topUp: (engine, { body }) => {
    const client = requireClient(engine, body.clientId);
    client.walletPaise += Math.round(body.amount * 100);
    return { clientId: client.clientId, balance: client.walletPaise / 100 };
  },
  clients: (engine) => ({
    clients: [...engine.state.clients.values()].map((client) => describeClient(engine, client)),
  }),
  client: (engine, { params }) => describeClient(engine, requireClient(engine, params.clientId)),
  patchClient: (engine, { params, body }) => {
    const client = requireClient(engine, params.clientId);
    patchClient(engine, client, body);
    return describeClient(engine, client);
  },
  nextOutcome: (engine, { body }) => {
    if (body.clientId !== undefined) requireClient(engine, body.clientId);
    engine.state.forcedOutcomes.push(body);
    return { queued: engine.state.forcedOutcomes };
  },
  addFault: (engine, { body }) => {
    engine.state.faults.add(body);
    return { faults: engine.state.faults.list() };
  },
  faults: (engine) => ({ faults: engine.state.faults.list() }),
  clearFaults: (engine) => {
    engine.state.faults.clear();
    return { faults: [] };
  },
  latency: (engine, { body }) => {
    engine.state.latency = { ...engine.state.latency, ...body };
    return engine.state.latency;
  },
  brand: (engine, { params }) => ({ ...requireBrand(engine, params.brandId) }),
  changeBrand: (engine, { params, body }) => changeBrand(engine, params.brandId, body),
  fixtures: (engine) => engine.catalogue.simulator.fixtures,
  order: (engine, { params }) => orderDetails(engine, params.orderId),
  reverse: (engine, { params }) => orderDetails(engine, reverseOrder(engine.orderPort, params.orderId).id),
  cancel: (engine, { params }) => orderDetails(engine, cancelOrder(engine.orderPort, params.orderId).id),
  settle: (engine, { params, body }) => orderDetails(engine, settleOrderNow(engine.orderPort, params.orderId, body).id),
  requests: (engine, { query }) => ({ requests: engine.state.requestLog.since(query.since ?? 0) }),
  deliveries: (engine, { query }) => ({ deliveries: engine.webhooks.log.list(query.since ?? 0) }),
  flushWebhooks: async (engine) => {
    await engine.webhooks.flush();
    return { deliveries: engine.webhooks.log.list() };
  },
  stats: (engine) => ({
    logins: engine.state.logins,
    requests: engine.state.requestLog.total,
    orders: engine.state.orders.count,
  }),
  brandArt: (engine, { params }) => {
    const { brand } = requireBrand(engine, params.brandId);
    return brandArtSvg(params.kind, brand.id, brand.title);
  },
  brandTerms: (engine, { params }) => {
    const { brand } = requireBrand(engine, params.brandId);
    return brandTermsHtml(brand.title, brand.termsAndConditions ?? []);
  },
};
