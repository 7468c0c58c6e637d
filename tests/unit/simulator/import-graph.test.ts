import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const simulatorRoot = path.join(repoRoot, 'src/main/simulator');

/** Every relative import of a file, type-only ones included (a type import is still a dependency of the design). */
function importsOf(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const specifiers = [...source.matchAll(/^\s*(?:import|export)\b[^'"]*?from\s+'([^']+)'/gm)].map((match) => match[1]!);
  return specifiers
    .filter((specifier) => specifier.startsWith('.'))
    .map((specifier) => path.resolve(path.dirname(file), specifier));
}

function tsFilesUnder(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.ts'))
    .map((name) => path.join(folder, name));
}

const graph = new Map(tsFilesUnder(simulatorRoot).map((file) => [file, importsOf(file)]));
const relative = (file: string) => path.relative(simulatorRoot, file);

/** Files reachable from `start` through the simulator's own imports. */
function reachableFrom(start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [...(graph.get(start) ?? [])];
  while (stack.length > 0) {
    const file = stack.pop()!;
    if (seen.has(file) || !graph.has(file)) continue;
    seen.add(file);
    stack.push(...graph.get(file)!);
  }
  return seen;
}

/** One cycle per strongly connected group of files, as paths relative to src/main/simulator. */
function cycles(): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const trail: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    trail.push(file);
    for (const next of graph.get(file) ?? []) {
      if (!graph.has(next)) continue;
      if (state.get(next) === 'open') found.push([...trail.slice(trail.indexOf(next)), next].map(relative));
      else if (!state.has(next)) visit(next);
    }
    trail.pop();
    state.set(file, 'done');
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe('the simulator import graph', () => {
  it('the graph walk sees the order logic and the engine', () => {
    const orders = [...graph.keys()].filter((file) => relative(file).startsWith('orders/'));
    expect(orders.map(relative)).toEqual(expect.arrayContaining(['orders/place-order.ts', 'orders/order-port.ts']));
    expect(reachableFrom(path.join(simulatorRoot, 'engine.ts'))).toContain(
      path.join(simulatorRoot, 'orders/settlement.ts'),
    );
  });

  it('the order logic reaches the engine through no import, type imports included: it sees only its port', () => {
    const engine = path.join(simulatorRoot, 'engine.ts');
    for (const file of graph.keys()) {
      if (!relative(file).startsWith('orders/')) continue;
      expect(reachableFrom(file).has(engine), `${relative(file)} reaches engine.ts`).toBe(false);
    }
  });

  it('no file of the simulator imports itself back through others', () => {
    expect(cycles()).toEqual([]);
  });
});
