import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
  simulatorControl,
  type SimFixtures,
  type SimulatorControl,
} from '../../../src/main/simulator/control-client.ts';
import {
  createSimulatorClock,
  DEMO_CLIENTS,
  startSimulator,
  type RunningSimulator,
  type SimulatorOptions,
} from '../../../src/main/simulator/index.ts';

/** 10:00 IST on 15 Jan 2025: every test starts at the same instant on a frozen clock. */
export const TEST_START_MS = Date.UTC(2025, 0, 15, 4, 30);

export interface ApiAnswer<T = Record<string, unknown>> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: T;
  text: string;
}

export interface TestSim {
  sim: RunningSimulator;
  base: string;
  control: SimulatorControl;
  fixtures: SimFixtures;
  /** Any API call over real HTTP; the body is parsed when it is JSON. */
  api<T = Record<string, unknown>>(
    method: string,
    path: string,
    options?: { token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string>; base?: string },
  ): Promise<ApiAnswer<T>>;
  login(client?: { clientId: string; clientSecret: string }, base?: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestSim(options: SimulatorOptions = {}): Promise<TestSim> {
  const sim = await startSimulator({
    seed: 7,
    clock: createSimulatorClock({ startMs: TEST_START_MS, frozen: true }),
    ...options,
  });
  const control = simulatorControl(sim.baseUrl);
  const api: TestSim['api'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers['authorization'] = `Bearer ${opts.token}`;
    let body: string | undefined = opts.rawBody;
    if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type'))
      headers['content-type'] = 'application/json';
    const response = await request(`${opts.base ?? sim.baseUrl}${path}`, { method: method as 'GET', headers, body });
    const text = await response.body.text();
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: response.statusCode, headers: response.headers, body: parsed as never, text };
  };
  const login: TestSim['login'] = async (client = DEMO_CLIENTS.staging, base) => {
    const answer = await api<{ token: string }>('POST', '/v1/partners/auth/login', {
      body: { clientId: client.clientId, clientSecret: client.clientSecret },
      base,
    });
    if (answer.status !== 200) throw new Error(`login failed: ${answer.status} ${answer.text}`);
    return answer.body.token;
  };
  return { sim, base: sim.baseUrl, control, fixtures: await control.fixtures(), api, login, close: () => sim.close() };
}

export interface SimSuite {
  sim: TestSim;
  /** A fresh staging token, made after each reset (unless the suite was asked not to log in). */
  token: string;
}

/** One simulator per test file, reset before every test (and logged in as the staging client unless `login: false`). */
export function useTestSim(options: SimulatorOptions = {}, { login = true } = {}): SimSuite {
  const suite = { token: '' } as SimSuite;
  beforeAll(async () => {
    suite.sim = await startTestSim(options);
  });
  afterAll(() => suite.sim.close());
  beforeEach(async () => {
    await suite.sim.control.reset();
    if (login) suite.token = await suite.sim.login();
  });
  return suite;
}

export interface ReceivedWebhook {
  body: Buffer;
  headers: http.IncomingHttpHeaders;
}

export interface Receiver {
  url: string;
  received: ReceivedWebhook[];
  /** The status the receiver answers with (200 unless a test changes it). */
  status: number;
  close(): Promise<void>;
}

/** A local webhook receiver that keeps the exact bytes and headers of everything posted to it. */
export async function startReceiver(status = 200): Promise<Receiver> {
  const received: ReceivedWebhook[] = [];
  const receiver: Receiver = { url: '', received, status, close: async () => {} };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ body: Buffer.concat(chunks), headers: req.headers });
      res.writeHead(receiver.status).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
  receiver.close = () =>
    new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return receiver;
}

export const order = (
  productId: string,
  referenceId: string,
  lines: Array<[number, number]>,
  extra: Record<string, unknown> = {},
) => ({
  productId,
  referenceId,
  amount: lines.reduce((sum, [denomination, quantity]) => sum + denomination * quantity, 0),
  denominationDetails: lines.map(([denomination, quantity]) => ({ denomination, quantity })),
  ...extra,
});

export { DEMO_CLIENTS };
