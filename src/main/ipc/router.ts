import type { z } from 'zod';
import {
  contract,
  channelOf,
  type Area,
  type Contract,
  type OperationInput,
  type OperationOutput,
} from '../../shared/contract/index.ts';
import type { OperationSpec } from '../../shared/contract/define.ts';
import { fail, ok, type Result } from '../../shared/contract/result.ts';
import { AppError } from '../errors/app-error.ts';

/** Who is calling: the Electron window or the browser harness. Services may use it for audit. */
export interface CallContext {
  readonly shell: 'electron' | 'browser-harness';
}

export type Handlers = {
  [A in Area]: {
    [K in keyof Contract[A]]: (
      input: OperationInput<A, K>,
      ctx: CallContext,
    ) => Promise<OperationOutput<A, K>> | OperationOutput<A, K>;
  };
};

type AnyHandler = (input: unknown, ctx: CallContext) => unknown;

export interface IpcRouter {
  readonly channels: readonly string[];
  dispatch(channel: string, rawInput: unknown, ctx: CallContext): Promise<Result<unknown>>;
}

export interface RouterOptions {
  /** Where unexpected failures are reported; never receives the input (it may hold a secret). */
  onUnexpectedError?: (channel: string, error: unknown) => void;
  /**
   * Runs after input parsing and before the handler (the production guard, src/main/guard). It refuses an
   * operation by throwing an AppError; the handler is then never called.
   */
  guard?: (channel: string, spec: OperationSpec, input: unknown) => void | Promise<void>;
}

/**
 * True when every string in the input (keys included) is well-formed Unicode. A lone surrogate cannot be
 * encoded as UTF-8, so it would fail later, deep inside a URL or a file write, instead of as bad input now.
 */
export function isWellFormedInput(input: unknown): boolean {
  const pending: unknown[] = [input];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (!value.isWellFormed()) return false;
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (!key.isWellFormed()) return false;
        pending.push(child);
      }
    }
  }
  return true;
}

const issuesOf = (error: z.ZodError) =>
  error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));

/**
 * The only way an operation is served. A bad input is answered with VALIDATION and the service is never
 * called; an output that breaks the contract is refused (and unknown keys are stripped, so a field a
 * service should not have returned never reaches the renderer).
 */
export function createIpcRouter(handlers: Handlers, options: RouterOptions = {}): IpcRouter {
  const table = new Map<string, { spec: OperationSpec; handler: AnyHandler }>();
  for (const [area, ops] of Object.entries(contract)) {
    for (const [name, spec] of Object.entries(ops as Record<string, OperationSpec>)) {
      const handler = (handlers as unknown as Record<string, Record<string, AnyHandler>>)[area]?.[name];
      if (typeof handler !== 'function') throw new Error(`No handler for ${channelOf(area, name)}`);
      table.set(channelOf(area, name), { spec, handler });
    }
  }

  return {
    channels: [...table.keys()],
    async dispatch(channel, rawInput, ctx) {
      const entry = table.get(channel);
      if (!entry) return fail('NOT_FOUND', `Unknown operation: ${String(channel).slice(0, 80)}`);
      if (!isWellFormedInput(rawInput)) {
        return fail('VALIDATION', `Invalid input for ${channel}: text with invalid Unicode (a lone surrogate)`);
      }
      const input = entry.spec.input.safeParse(rawInput);
      if (!input.success) {
        return fail('VALIDATION', `Invalid input for ${channel}`, { issues: issuesOf(input.error) });
      }
      try {
        await options.guard?.(channel, entry.spec, input.data);
        const value = await entry.handler(input.data, ctx);
        const output = entry.spec.output.safeParse(value);
        if (!output.success) {
          options.onUnexpectedError?.(channel, output.error);
          return fail('INTERNAL', `The console produced an invalid answer for ${channel}`);
        }
        return ok(output.data);
      } catch (error) {
        if (error instanceof AppError) return { ok: false, error: error.toShape() };
        options.onUnexpectedError?.(channel, error);
        return fail('INTERNAL', `Unexpected failure in ${channel}`);
      }
    },
  };
}
