// `node bench/simulator.bench.ts`: requests/s of the embedded Hubble simulator for login, products and
// place-order, against a bare node:http JSON server answering the same shapes, measured in the same run.
// Each server runs in its own process (2 cores: one for the server, one for the load); the load is an undici
// Pool with bounded concurrency and a bounded number of requests. Loopback only. Goal: ratio ≥ 0.5.
import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Pool } from 'undici';

const CONCURRENCY = 16;
const WARMUP = 8000;
const ROUNDS = 8;
const REQUESTS = Number(process.env['BENCH_REQUESTS'] ?? 1500);
const TIME_LIMIT_MS = 15_000;

type Mode = 'simulator' | 'bare';

interface Endpoint {
  name: string;
  method: 'GET' | 'POST';
  path: string;
  body?: (i: number) => string;
}

// ——— server side (a child process) ———

async function serveBare(): Promise<string> {
  const { loadCatalogue } = await import('../src/main/simulator/catalogue/load-catalogue.ts');
  const brands = loadCatalogue().brands;
  const token = `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.${'x'.repeat(160)}.${'y'.repeat(43)}`;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = req.url ?? '/';
      let payload: unknown;
      if (url.startsWith('/v1/partners/auth/login')) payload = { token, expiresInSecs: 3600 };
      else if (url.startsWith('/v1/partners/products'))
        payload = { data: brands.slice(0, 20), nextCursor: { pageNo: 2, limit: 20 } };
      else {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { referenceId: string };
        payload = {
          id: '01JBENCHORDER0000000000000',
          referenceId: body.referenceId,
          status: 'SUCCESS',
          vouchers: [
            {
              id: '01JBENCHVOUCHER00000000000',
              cardType: 'CARD_NO_AND_PIN',
              cardNumber: '1234567890123456',
              cardPin: '123456',
              validTill: '2026-01-15',
              amount: 500,
            },
          ],
          failureReason: null,
        };
      }
      const json = JSON.stringify(payload);
      res.writeHead(200, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(json),
        'x-request-id': String(req.headers['x-request-id'] ?? 'none'),
      });
      res.end(json);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function serveSimulator(): Promise<string> {
  const { startSimulator } = await import('../src/main/simulator/index.ts');
  const simulator = await startSimulator({ seed: 1, scenario: 'calm' });
  return simulator.baseUrl;
}

if (process.argv[2] === '--serve') {
  const mode = process.argv[3] as Mode;
  const url = mode === 'bare' ? await serveBare() : await serveSimulator();
  process.send?.({ url });
  process.on('disconnect', () => process.exit(0));
} else {
  await main();
}

// ——— load side ———

function startServer(mode: Mode): Promise<{ url: string; child: ChildProcess }> {
  const child = fork(import.meta.filename, ['--serve', mode], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => resolve({ url: (message as { url: string }).url, child }));
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code}`)));
  });
}

async function measure(
  pool: Pool,
  endpoint: Endpoint,
  headers: Record<string, string>,
  count: number,
  offset: number,
): Promise<number> {
  let next = 0;
  const started = performance.now();
  const deadline = started + TIME_LIMIT_MS;
  let completed = 0;
  const worker = async () => {
    while (next < count && performance.now() < deadline) {
      const i = offset + next;
      next += 1;
      const response = await pool.request({
        method: endpoint.method,
        path: endpoint.path,
        headers: { ...headers, 'x-request-id': `bench-${i}` },
        body: endpoint.body?.(i),
      });
      await response.body.dump();
      if (response.statusCode !== 200) throw new Error(`${endpoint.name}: HTTP ${response.statusCode}`);
      completed += 1;
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return completed / ((performance.now() - started) / 1000);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function prepareSimulator(url: string): Promise<Record<string, string>> {
  const control = (path: string, body: unknown) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  await control('/__sim/wallet', { clientId: 'sim-staging-b2b', balance: 1e12 });
  const login = await fetch(`${url}/v1/partners/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ clientId: 'sim-staging-b2b', clientSecret: 'sim-staging-secret' }),
  });
  const { token } = (await login.json()) as { token: string };
  return { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
}

async function main(): Promise<void> {
  const [bare, simulator] = await Promise.all([startServer('bare'), startServer('simulator')]);
  try {
    const fixtures = (await (await fetch(`${simulator.url}/__sim/catalogue/fixtures`)).json()) as { fixed: string };
    const endpoints: Endpoint[] = [
      {
        name: 'login',
        method: 'POST',
        path: '/v1/partners/auth/login',
        body: () => JSON.stringify({ clientId: 'sim-staging-b2b', clientSecret: 'sim-staging-secret' }),
      },
      { name: 'products (page of 20)', method: 'GET', path: '/v1/partners/products?pageNo=1&limit=20' },
      {
        name: 'place-order',
        method: 'POST',
        path: '/v1/partners/orders',
        body: (i) =>
          JSON.stringify({
            productId: fixtures.fixed,
            referenceId: `bench-order-${i}`,
            amount: 500,
            denominationDetails: [{ denomination: 500, quantity: 1 }],
          }),
      },
    ];
    const simHeaders = await prepareSimulator(simulator.url);
    const bareHeaders = { 'content-type': 'application/json' };
    const pools = {
      bare: new Pool(bare.url, { connections: CONCURRENCY }),
      simulator: new Pool(simulator.url, { connections: CONCURRENCY }),
    };
    console.log(
      `simulator benchmark: ${ROUNDS} paired runs of ${REQUESTS} requests per endpoint after ${WARMUP} warm-up, concurrency ${CONCURRENCY}, servers in their own processes (medians)`,
    );
    console.log(
      `${'endpoint'.padEnd(24)} ${'bare req/s'.padStart(12)} ${'simulator req/s'.padStart(16)} ${'ratio'.padStart(7)}`,
    );
    let offset = 0;
    let worst = Infinity;
    // Both servers get the same warm-up on every endpoint first, so the JIT has settled before anything counts.
    for (const endpoint of endpoints) {
      await measure(pools.bare, endpoint, bareHeaders, WARMUP, offset);
      await measure(pools.simulator, endpoint, simHeaders, WARMUP, offset);
      offset += WARMUP;
    }
    for (const endpoint of endpoints) {
      // ROUNDS back-to-back pairs (bare, then simulator); the medians, and the median of the pairs' ratios, so a
      // burst of load from anything else on a shared 2-core machine skews neither side.
      const bareRates: number[] = [];
      const simRates: number[] = [];
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        bareRates.push(await measure(pools.bare, endpoint, bareHeaders, REQUESTS, offset));
        simRates.push(await measure(pools.simulator, endpoint, simHeaders, REQUESTS, offset));
        ratios.push(simRates[round]! / bareRates[round]!);
        offset += REQUESTS;
      }
      const bareRate = median(bareRates);
      const simRate = median(simRates);
      const ratio = median(ratios);
      worst = Math.min(worst, ratio);
      console.log(
        `${endpoint.name.padEnd(24)} ${bareRate.toFixed(0).padStart(12)} ${simRate.toFixed(0).padStart(16)} ${ratio.toFixed(2).padStart(7)}`,
      );
    }
    console.log(
      `ratio (worst endpoint, median of paired simulator / bare node:http runs): ${worst.toFixed(2)} (goal ≥ 0.50)`,
    );
    await Promise.all([pools.bare.close(), pools.simulator.close()]);
  } finally {
    bare.child.disconnect();
    simulator.child.disconnect();
  }
}
