// `npm run simulator -- [--port N] [--seed N] [--scenario NAME] [--token-ttl S] [--webhook-url URL] [--webhook-url-for TYPE=URL]… [--client-webhook-url CLIENT[:TYPE]=URL]… [--webhook-secret S] [--brands N] [--default-page-size N] [--next-cursor-shape object|string]`
// Runs the Hubble simulator on 127.0.0.1 until interrupted; see docs/simulator.md.
import { parseArgs } from 'node:util';
import { loadCatalogue } from './catalogue/load-catalogue.ts';
import { defaultConfig } from './config.ts';
import { webhookSeedOf } from './webhooks/webhook-cli-flags.ts';
import type { WebhookSeed } from './webhooks/webhook-targets.ts';
import { DEMO_CLIENTS, MAX_CATALOGUE_BRANDS, SCENARIO_NAMES, startSimulator, type ScenarioName } from './index.ts';

function fail(message: string): never {
  console.error(`simulator: ${message}`);
  process.exit(2);
}

function integer(raw: string | undefined, name: string, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max)
    fail(`--${name} must be an integer from ${min} to ${max}`);
  return value;
}

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    seed: { type: 'string' },
    scenario: { type: 'string' },
    'token-ttl': { type: 'string' },
    'webhook-url': { type: 'string' },
    'webhook-url-for': { type: 'string', multiple: true },
    'client-webhook-url': { type: 'string', multiple: true },
    'webhook-secret': { type: 'string' },
    brands: { type: 'string' },
    'default-page-size': { type: 'string' },
    'next-cursor-shape': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'Usage: npm run simulator -- [--port N] [--seed N] [--scenario NAME] [--token-ttl S] [--webhook-url URL] [--webhook-url-for TYPE=URL]… [--client-webhook-url CLIENT[:TYPE]=URL]… [--webhook-secret S] [--brands N] [--default-page-size N] [--next-cursor-shape object|string]',
  );
  console.log(`Scenarios: ${SCENARIO_NAMES.join(', ')}. Documentation: docs/simulator.md`);
  process.exit(0);
}

const scenario = values.scenario;
if (scenario !== undefined && !(SCENARIO_NAMES as readonly string[]).includes(scenario))
  fail(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}`);
let webhook: WebhookSeed | undefined;
try {
  webhook = webhookSeedOf(
    {
      url: values['webhook-url'],
      urlFor: values['webhook-url-for'],
      clientUrl: values['client-webhook-url'],
      secret: values['webhook-secret'],
    },
    DEMO_CLIENTS.staging.webhookSecret,
  );
} catch (error) {
  fail((error as Error).message);
}
const nextCursorShape = values['next-cursor-shape'];
if (nextCursorShape !== undefined && nextCursorShape !== 'object' && nextCursorShape !== 'string')
  fail('--next-cursor-shape must be object or string');
const brands = integer(values.brands, 'brands', loadCatalogue().brands.length, MAX_CATALOGUE_BRANDS);
// Pages larger than the API's maximum `limit` could not be followed by their own nextCursor.
const defaultPageSize = integer(values['default-page-size'], 'default-page-size', 1, defaultConfig().maxPageLimit);

const simulator = await startSimulator({
  port: integer(values.port, 'port', 0, 65535) ?? 0,
  seed: integer(values.seed, 'seed', 0, 2 ** 32 - 1),
  scenario: scenario as ScenarioName | undefined,
  tokenTtlSecs: integer(values['token-ttl'], 'token-ttl', 1, 30 * 86_400),
  webhook,
  brands,
  config: {
    ...(defaultPageSize === undefined ? {} : { defaultPageSize }),
    ...(nextCursorShape === undefined ? {} : { nextCursorShape }),
  },
});

console.log(`Hubble simulator listening on ${simulator.baseUrl}`);
console.log(`  staging-only host:    ${simulator.environmentUrls.staging}`);
console.log(`  production-only host: ${simulator.environmentUrls.production}`);
console.log(`  scenario: ${scenario ?? 'calm'}, seed: ${values.seed ?? 1}, token TTL: ${values['token-ttl'] ?? 3600}s`);
console.log(
  `  catalogue: ${brands ?? loadCatalogue().brands.length} brands, product list: ${
    defaultPageSize === undefined ? 'all at once without pageNo' : `pages of ${defaultPageSize} without pageNo`
  }, nextCursor as ${nextCursorShape ?? 'object'}`,
);
console.log('Demo credentials (clientId / clientSecret / webhook secret):');
for (const [name, client] of Object.entries(DEMO_CLIENTS)) {
  const secret = webhook ? webhook.secret : client.webhookSecret;
  console.log(`  ${name.padEnd(10)} ${client.clientId} / ${client.clientSecret} / ${secret}`);
}
console.log(`Controls: ${simulator.baseUrl}/__sim/... (see docs/simulator.md). Ctrl+C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await simulator.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
