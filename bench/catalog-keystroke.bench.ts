// Catalog search as you type at 10,000 brands, in Chromium: keystroke → painted result. The console runs as
// the browser harness serves it (the real core over the bridge, the built renderer, Debian's Chromium); the
// built-in Simulator profile points at a simulator of 10,000 brands, syncs, and the page loads them all. Each
// keystroke is measured from its keydown (event.timeStamp) to the first task after the next frame's paint
// (requestAnimationFrame, then a message), as performance measures named `catalog:keystroke`. Baseline in the same
// run: the unfiltered render (a Backspace back to an empty search: the whole catalog listed again). Goal: p95 ≤
// 16 ms. Also printed: main's catalog.search at the same size, the per-keystroke query the page does not make.
//
// The typing is done in passes (3 by default), each with its share of the baseline keystrokes, and each pass prints
// its p95 beside the host's steal time over it (/proc/stat: the time this VM's cores were given to others). On a
// shared 2-core VM a pass in which the host takes a few per cent of the cores moves p95 by 5–10 ms, so the goal is
// judged on the median pass's p95 (as the sync bench takes the best of three runs); every keystroke of every pass is
// printed too.
//
// Needs the browser renderer (`npm run build:renderer`); it is built first when missing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { createConsoleCore } from '../src/main/app/console-core.ts';
import { startBridgeServer } from '../src/main/harness/bridge-server.ts';
import { createMemoryVault } from '../src/main/kernel/vault/memory-vault.ts';
import { startSimulator } from '../src/main/simulator/index.ts';
import type { BrandRow } from '../src/shared/contract/catalog.ts';

const BRANDS = Number(process.env['CATALOG_BENCH_BRANDS'] ?? 10_000);
const WORDS = 24;
const PASSES = Number(process.env['CATALOG_BENCH_PASSES'] ?? 3);
/** 'q' then Backspace (back to every brand) this many times per pass */
const BASELINE_PER_PASS = 14;
// A key is held as a typist holds it (50 ms; people hold keys 70–120 ms) and released, then the next follows 40 ms
// later. Released at once, as a bare keyboard.press does, the release's own input task would run between the
// keystroke's frame and the probe's task and be counted as the keystroke's painting.
const KEY_HOLD_MS = 50;
const KEY_GAP_MS = 40;
const repoRoot = path.resolve(import.meta.dirname, '..');
// CATALOG_BENCH_RENDERER: another build of the browser renderer (e.g. to compare two versions of the page).
const rendererDir = process.env['CATALOG_BENCH_RENDERER'] ?? path.join(repoRoot, 'out/renderer-browser');
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
// CATALOG_BENCH_TRACE: write a Chromium trace of the typing (Perfetto / DevTools) to this file.
const TRACE = process.env['CATALOG_BENCH_TRACE'];
// CATALOG_BENCH_PROFILE: write a V8 CPU profile of the typing (DevTools' Performance panel or speedscope) to this
// file; the sampling costs time of its own, so measure with it off. A build with `--minify false` keeps the names.
const PROFILE = process.env['CATALOG_BENCH_PROFILE'];
// CATALOG_BENCH_SCREENSHOT: a PNG of the page once every brand is listed (to check how the measured page looks).
const SCREENSHOT = process.env['CATALOG_BENCH_SCREENSHOT'];

interface Sample {
  /** the search box was empty after the keystroke: the unfiltered list */
  empty: boolean;
  /** keydown → first task after the next paint */
  ms: number;
  /** keydown → the next frame starts */
  workMs: number;
}

/** The few browser globals the in-page probe uses (benchmarks are type-checked without the DOM library). */
interface ProbeTarget {
  addEventListener(type: string, listener: (event: { timeStamp: number }) => void, capture?: boolean): void;
}
interface ProbeGlobals extends ProbeTarget {
  document: ProbeTarget & { querySelector(selector: string): (ProbeTarget & { value: string }) | null };
  requestAnimationFrame(callback: () => void): number;
  catalogSamples?: Sample[];
  catalogScripting?: number[];
}

/** The host's steal time and all time of this machine's CPUs so far (Linux), in clock ticks. */
function cpuTicks(): { steal: number; total: number } | null {
  try {
    const fields = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9).map(Number);
    return { steal: fields[7]!, total: fields.reduce((sum, value) => sum + value, 0) };
  } catch {
    return null;
  }
}
const stealBetween = (from: ReturnType<typeof cpuTicks>, to: ReturnType<typeof cpuTicks>) =>
  from && to && to.total > from.total
    ? `${(((to.steal - from.steal) / (to.total - from.total)) * 100).toFixed(1)} %`
    : 'n/a';

const percentile = (values: number[], p: number) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor((p / 100) * values.length))]!;
const ms = (value: number) => `${value.toFixed(1)} ms`;

if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  console.log('building the browser renderer (npm run build:renderer)…');
  const built = spawnSync('npm', ['run', 'build:renderer'], { cwd: repoRoot, stdio: 'inherit' });
  if (built.status !== 0) process.exit(1);
}

const sim = await startSimulator({ seed: 7, brands: BRANDS });
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubble-bench-keystroke-'));
const core = createConsoleCore({
  dataDir,
  shell: 'browser-harness',
  version: '0.0.0-bench',
  vault: createMemoryVault(),
  simulator: { running: () => sim, baseUrl: () => sim.baseUrl, ensureStarted: async () => sim, close: async () => {} },
});
await core.start();
const server = await startBridgeServer({ core, staticDir: rendererDir });
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    // Frames as soon as there is something to paint: the figure is the page's own work, not a wait for vsync.
    '--disable-frame-rate-limit',
    '--disable-gpu-vsync',
  ],
});
const ctx = { shell: 'browser-harness' } as never;

try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const started = performance.now();
  await page.goto(`${server.url}#/catalog`);
  // A catalog that never synced syncs as its profile opens; the page then reads every brand.
  const synced = page.getByRole('status', { name: 'Catalog age' });
  await synced.filter({ hasText: /^Synced/ }).waitFor({ timeout: 180_000 });
  const status = (await core.router.dispatch('catalog.status', {}, ctx)) as {
    ok: true;
    value: { brands: number; inactive: number };
  };
  const listed = status.value.brands - status.value.inactive;
  const unfiltered = `${listed.toLocaleString('en-IN')} brands`;
  const found = page.getByRole('status', { name: 'Brands found' });
  await found.getByText(unfiltered, { exact: true }).waitFor({ timeout: 120_000 });
  await page.getByText(/reading the catalog/).waitFor({ state: 'detached', timeout: 120_000 });
  console.log(
    `synced and loaded ${status.value.brands.toLocaleString('en-IN')} brands (${listed.toLocaleString('en-IN')} listed) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );

  if (SCREENSHOT) await page.screenshot({ path: SCREENSHOT });

  // Names to type: spread over the catalog, the first 4–7 letters of each.
  const words: string[] = [];
  for (let index = 0; index < WORDS; index += 1) {
    const answer = (await core.router.dispatch(
      'catalog.search',
      { offset: Math.floor((index * listed) / WORDS), limit: 1 },
      ctx,
    )) as { ok: true; value: { rows: BrandRow[] } };
    const name = answer.value.rows[0]!.name;
    words.push(name.slice(0, 4 + (index % 4)));
  }

  const search = page.getByLabel('Search brands by name');
  await search.focus();
  await page.evaluate(() => {
    const g = globalThis as unknown as ProbeGlobals;
    const input = g.document.querySelector('input[type="search"]')!;
    const samples: Sample[] = (g.catalogSamples = []);
    const scripting: number[] = (g.catalogScripting = []);
    let seq = 0;
    let inputAt = 0;
    // The page's own script: from the input event reaching the document to the end of React's commit.
    g.document.addEventListener('input', () => (inputAt = performance.now()), true);
    g.addEventListener('input', () => queueMicrotask(() => scripting.push(performance.now() - inputAt)));
    input.addEventListener(
      'keydown',
      (event) => {
        const start = `catalog:key-${(seq += 1)}`;
        performance.mark(start, { startTime: event.timeStamp });
        g.requestAnimationFrame(() => {
          const workMs = performance.now() - event.timeStamp;
          const channel = new MessageChannel();
          // The first task after the frame's paint.
          (channel.port1 as unknown as { onmessage: () => void }).onmessage = () => {
            const measure = performance.measure('catalog:keystroke', start);
            samples.push({ empty: input.value === '', ms: measure.duration, workMs });
          };
          channel.port2.postMessage(null);
        });
      },
      true,
    );
  });

  const typeKeys = async (keys: string[]) => {
    for (const key of keys) {
      await page.keyboard.press(key, { delay: KEY_HOLD_MS });
      await page.waitForTimeout(KEY_GAP_MS);
    }
  };
  if (TRACE)
    await browser.startTracing(page, {
      path: TRACE,
      categories: [
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'disabled-by-default-devtools.timeline.frame',
        'blink',
        'blink.user_timing',
        'input',
        'latencyInfo',
        'toplevel',
        'benchmark',
        'cc',
        'viz',
        'v8.execute',
        'renderer.scheduler',
        'disabled-by-default-renderer.scheduler',
      ],
    });
  const profiler = PROFILE ? await page.context().newCDPSession(page) : null;
  if (profiler) {
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 100 });
    await profiler.send('Profiler.start');
  }
  const sampleCount = () => page.evaluate(() => (globalThis as unknown as ProbeGlobals).catalogSamples?.length ?? 0);
  const passes: { from: number; to: number; steal: string }[] = [];
  for (let pass = 0; pass < PASSES; pass += 1) {
    const [from, ticks] = [await sampleCount(), cpuTicks()];
    for (const word of words) {
      await typeKeys([...word]);
      const shown = await found.textContent();
      if (!shown?.endsWith('match')) throw new Error(`typing "${word}" did not filter (${shown})`);
      await typeKeys(Array.from({ length: word.length }, () => 'Backspace'));
      if ((await found.textContent()) !== unfiltered) throw new Error('the list did not return to every brand');
    }
    for (let run = 0; run < BASELINE_PER_PASS; run += 1) await typeKeys(['q', 'Backspace']);
    await page.waitForTimeout(200);
    passes.push({ from, to: await sampleCount(), steal: stealBetween(ticks, cpuTicks()) });
  }
  if (TRACE) await browser.stopTracing();
  if (profiler && PROFILE) {
    const { profile } = await profiler.send('Profiler.stop');
    fs.writeFileSync(PROFILE, JSON.stringify(profile));
  }

  // How many body rows a keystroke can change: the window the table renders at the top of the list.
  const bodyRows = await page.locator('.virtual-table__row--body').count();
  const { samples, scripting } = await page.evaluate(() => {
    const g = globalThis as unknown as ProbeGlobals;
    return { samples: g.catalogSamples ?? [], scripting: g.catalogScripting ?? [] };
  });
  // The unfiltered render: a keystroke that leaves the search empty (every brand listed again).
  const baseline = samples.filter((sample) => sample.empty).map((sample) => sample.ms);
  const filtered = samples.filter((sample) => !sample.empty).map((sample) => sample.ms);
  const filteredWork = samples.filter((sample) => !sample.empty).map((sample) => sample.workMs);
  const baselineWork = samples.filter((sample) => sample.empty).map((sample) => sample.workMs);
  const perPass = passes.map(({ from, to, steal }) => {
    const taken = samples.slice(from, to);
    const p95 = (empty: boolean) =>
      percentile(
        taken.filter((sample) => sample.empty === empty).map((sample) => sample.ms),
        95,
      );
    return { steal, filteredP95: p95(false), baselineP95: p95(true) };
  });
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
  const medianPass = {
    filteredP95: median(perPass.map((pass) => pass.filteredP95)),
    baselineP95: median(perPass.map((pass) => pass.baselineP95)),
  };

  const mainTimes: number[] = [];
  for (const word of words)
    for (let length = 1; length <= word.length; length += 1) {
      const before = performance.now();
      await core.router.dispatch('catalog.search', { text: word.slice(0, length), limit: 100 }, ctx);
      mainTimes.push(performance.now() - before);
    }

  console.log(
    `brands: ${BRANDS.toLocaleString('en-IN')}; keystrokes measured: ${filtered.length} filtering, ${baseline.length} unfiltered; body rows in the DOM: ${bodyRows}`,
  );
  for (const [index, pass] of perPass.entries())
    console.log(
      `pass ${index + 1} of ${perPass.length}: host steal ${pass.steal}   keystroke p95 ${ms(pass.filteredP95)}   unfiltered render p95 ${ms(pass.baselineP95)}`,
    );
  console.log(
    `keystroke → painted (filtered list):       p50 ${ms(percentile(filtered, 50))}   p95 ${ms(percentile(filtered, 95))}   max ${ms(Math.max(...filtered))}`,
  );
  console.log(
    `baseline: unfiltered render (all brands):  p50 ${ms(percentile(baseline, 50))}   p95 ${ms(percentile(baseline, 95))}   max ${ms(Math.max(...baseline))}`,
  );
  console.log(
    `  of which keydown → next frame starts (filter + React commit + wait for the frame): filtered p50 ${ms(percentile(filteredWork, 50))} p95 ${ms(percentile(filteredWork, 95))}; unfiltered p50 ${ms(percentile(baselineWork, 50))} p95 ${ms(percentile(baselineWork, 95))}`,
  );
  console.log(
    `  of which the page's script (filter + React render and commit): p50 ${ms(percentile(scripting, 50))} p95 ${ms(percentile(scripting, 95))}`,
  );
  console.log(
    `for comparison, main's catalog.search per keystroke (no IPC): p50 ${ms(percentile(mainTimes, 50))}   p95 ${ms(percentile(mainTimes, 95))}`,
  );
  console.log(
    `ratio p95 (keystroke / unfiltered render), every pass: ${(percentile(filtered, 95) / percentile(baseline, 95)).toFixed(3)}; medians of the passes: ${(medianPass.filteredP95 / medianPass.baselineP95).toFixed(3)}`,
  );
  console.log(
    `keystroke p95, median pass of ${perPass.length}: ${ms(medianPass.filteredP95)}   goal ≤ 16 ms: ${medianPass.filteredP95 <= 16 ? 'met' : 'NOT met'}`,
  );
} finally {
  await browser.close();
  await server.close();
  await core.stop();
  await sim.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
