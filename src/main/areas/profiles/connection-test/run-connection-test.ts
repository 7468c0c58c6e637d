import type { ConnectionStep, ConnectionTestReport, NetworkAddress } from '../../../../shared/contract/profiles.ts';
import type { HubbleFailure } from '../../../../shared/hubble/failure.ts';
import { AppError } from '../../../errors/app-error.ts';
import { discardCalls, type CallRecorder } from '../../../hubble/call-recorder.ts';
import type { HubbleConnection } from '../../../hubble/connection.ts';
import { createHubbleClient, type HubbleClient, type HubbleTimeouts } from '../../../hubble/hubble-client.ts';
import type { HubbleResult } from '../../../hubble/hubble-result.ts';
import { diagnoseFailure, type Diagnosis, type DiagnosisContext } from './diagnose.ts';
import { machineNetworkAddresses } from './network-addresses.ts';
import { configuredProxy } from './proxy-settings.ts';

export interface ConnectionTestOptions {
  /** Where the test's calls are logged (the profile's call history); discarded by default. */
  recorder?: CallRecorder;
  /** A test answers within these or fails; shorter than the client's defaults so the operator is not kept waiting. */
  timeouts?: Partial<HubbleTimeouts>;
  networkAddresses?: () => NetworkAddress[];
  /** host:port of the configured proxy; read from the environment by default */
  proxy?: string | null;
  now?: () => Date;
}

const CONNECTION_TEST_TIMEOUTS: HubbleTimeouts = { connectMs: 5_000, headersMs: 15_000, bodyMs: 15_000 };
const LOOPBACK = /^(127\.|localhost$|\[::1\]$)/;

const LABELS: Record<ConnectionStep['step'], string> = {
  login: 'Log in',
  wallet: 'Wallet balance',
  products: 'Products',
};

const rupees = (amount: number) => `₹${amount.toLocaleString('en-IN', { maximumFractionDigits: 2 })}`;

function stepOf<T>(
  step: ConnectionStep['step'],
  result: HubbleResult<T>,
  summarise: (value: T) => string,
): ConnectionStep {
  return {
    step,
    label: LABELS[step],
    outcome: result.outcome === 'ok' ? 'ok' : 'failed',
    httpStatus: result.call.httpStatus,
    durationMs: result.call.latencyMs,
    requestId: result.call.requestId,
    summary: result.outcome === 'ok' ? summarise(result.value) : result.failure.title,
  };
}

const skipped = (step: ConnectionStep['step']): ConnectionStep => ({
  step,
  label: LABELS[step],
  outcome: 'skipped',
  httpStatus: null,
  durationMs: null,
  requestId: null,
  summary: 'Not tried: an earlier step failed',
});

function hostIsLoopback(baseUrl: string): boolean {
  try {
    return LOOPBACK.test(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

/** A failure before any HTTP call: no secret, no keychain, or a base URL that is not a URL. */
function preflightDiagnosis(error: unknown, baseUrl: string): Diagnosis {
  if (error instanceof AppError && error.kind === 'KEYCHAIN_UNAVAILABLE') {
    return {
      kind: 'keychain-unavailable',
      title: 'The OS keychain is not available',
      explanation: error.message,
      actions: [],
      networkAddresses: null,
    };
  }
  if (error instanceof AppError && error.kind === 'VALIDATION') {
    return {
      kind: 'missing-secret',
      title: 'No client secret is set',
      explanation: error.message,
      actions: ['Set the client secret under Secrets, then test again.'],
      networkAddresses: null,
    };
  }
  return {
    kind: 'wrong-base-url',
    title: 'The base URL is not usable',
    explanation: `${baseUrl || '(empty)'} is not an http(s) URL the console can call.`,
    actions: ['Edit the profile and give a full base URL such as https://hubble-proxy.example.com.'],
    networkAddresses: null,
  };
}

/**
 * The connection test: log in, read the wallet, list the products, each timed and with its X-REQUEST-ID,
 * through the same Hubble client every feature uses (no retries, so each step is one request), and a
 * plain-language diagnosis of the first failure.
 */
export async function runConnectionTest(
  connection: HubbleConnection,
  options: ConnectionTestOptions = {},
): Promise<ConnectionTestReport> {
  const startedAt = (options.now ?? (() => new Date()))().toISOString();
  const report = (steps: ConnectionStep[], diagnosis: Diagnosis): ConnectionTestReport => ({
    profileId: connection.profileId,
    environment: connection.environment,
    baseUrl: connection.baseUrl,
    startedAt,
    ok: diagnosis.kind === 'ok',
    steps,
    diagnosis,
  });
  const context: DiagnosisContext = {
    environment: connection.environment,
    baseUrl: connection.baseUrl,
    proxy: options.proxy !== undefined ? options.proxy : hostIsLoopback(connection.baseUrl) ? null : configuredProxy(),
    networkAddresses: options.networkAddresses ?? (() => machineNetworkAddresses()),
  };

  let client: HubbleClient;
  try {
    // Reading the secret first turns "no secret / no keychain" into a diagnosis instead of a failed call.
    await connection.clientSecret();
    client = createHubbleClient(connection, options.recorder ?? discardCalls, {
      timeouts: { ...CONNECTION_TEST_TIMEOUTS, ...options.timeouts },
      backoff: { maxRetries: 0 },
    });
  } catch (error) {
    return report(
      ['login', 'wallet', 'products'].map((step) => skipped(step as ConnectionStep['step'])),
      preflightDiagnosis(error, connection.baseUrl),
    );
  }

  const fail = (steps: ConnectionStep[], failure: HubbleFailure) => report(steps, diagnoseFailure(failure, context));
  try {
    const login = await client.login();
    const loginStep = stepOf('login', login, (value) =>
      value.expiresInSecs ? `Token valid for ${Math.round(value.expiresInSecs / 60)} min` : 'Logged in',
    );
    if (login.outcome !== 'ok') return fail([loginStep, skipped('wallet'), skipped('products')], login.failure);

    const wallet = await client.walletBalance();
    const walletStep = stepOf('wallet', wallet, (value) => `Balance ${rupees(value.balance)}`);
    if (wallet.outcome !== 'ok') return fail([loginStep, walletStep, skipped('products')], wallet.failure);

    const products = await client.listProducts();
    const productsStep = stepOf('products', products, (value) => {
      const active = value.brands.filter((brand) => brand.status.toUpperCase() === 'ACTIVE').length;
      return `${value.brands.length} products (${active} active)`;
    });
    const steps = [loginStep, walletStep, productsStep];
    if (products.outcome !== 'ok') return fail(steps, products.failure);

    const where = connection.environment === 'simulator' ? 'the simulator' : `Hubble ${connection.environment}`;
    return report(steps, {
      kind: 'ok',
      title: `Connected to ${where}`,
      explanation: `Logged in, read the wallet (${walletStep.summary.replace('Balance ', '')}) and listed ${productsStep.summary}.`,
      actions: [],
      networkAddresses: null,
    });
  } finally {
    await client.close();
  }
}
