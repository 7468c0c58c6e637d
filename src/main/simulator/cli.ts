// `npm run simulator -- [--port N] [--seed N] [--scenario NAME] [--token-ttl S] [--webhook-url URL] [--webhook-secret S]`
// Runs the Hubble simulator on 127.0.0.1 until interrupted; see docs/simulator.md.
import { parseArgs } from 'node:util';
import { DEMO_CLIENTS, SCENARIO_NAMES, startSimulator, type ScenarioName } from './index.ts';

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
    'webhook-secret': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  },
});

if (values.help) {
  console.log(
    'Usage: npm run simulator -- [--port N] [--seed N] [--scenario NAME] [--token-ttl S] [--webhook-url URL] [--webhook-secret S]',
  );
  console.log(`Scenarios: ${SCENARIO_NAMES.join(', ')}. Documentation: docs/simulator.md`);
  process.exit(0);
}

const scenario = values.scenario;
if (scenario !== undefined && !(SCENARIO_NAMES as readonly string[]).includes(scenario))
  fail(`--scenario must be one of ${SCENARIO_NAMES.join(', ')}`);
const webhookUrl = values['webhook-url'];
if (webhookUrl !== undefined && !/^https?:\/\//.test(webhookUrl)) fail('--webhook-url must be an http(s) URL');
if (values['webhook-secret'] !== undefined && webhookUrl === undefined) fail('--webhook-secret needs --webhook-url');

const simulator = await startSimulator({
  port: integer(values.port, 'port', 0, 65535) ?? 0,
  seed: integer(values.seed, 'seed', 0, 2 ** 32 - 1),
  scenario: scenario as ScenarioName | undefined,
  tokenTtlSecs: integer(values['token-ttl'], 'token-ttl', 1, 30 * 86_400),
  webhook: webhookUrl
    ? { url: webhookUrl, secret: values['webhook-secret'] ?? DEMO_CLIENTS.staging.webhookSecret }
    : undefined,
});

console.log(`Hubble simulator listening on ${simulator.baseUrl}`);
console.log(`  staging-only host:    ${simulator.environmentUrls.staging}`);
console.log(`  production-only host: ${simulator.environmentUrls.production}`);
console.log(`  scenario: ${scenario ?? 'calm'}, seed: ${values.seed ?? 1}, token TTL: ${values['token-ttl'] ?? 3600}s`);
console.log('Demo credentials (clientId / clientSecret / webhook secret):');
for (const [name, client] of Object.entries(DEMO_CLIENTS)) {
  const secret = webhookUrl ? (values['webhook-secret'] ?? DEMO_CLIENTS.staging.webhookSecret) : client.webhookSecret;
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
