import type { z } from 'zod';

/**
 * One IPC operation: what the renderer may send and what main promises to answer.
 * `confirmOnProduction` marks operations that the production guard protects in main.
 */
export interface OperationSpec<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  readonly input: I;
  readonly output: O;
  readonly summary: string;
  readonly confirmOnProduction?: boolean;
}

export interface EventSpec<P extends z.ZodType = z.ZodType> {
  readonly payload: P;
  readonly summary: string;
}

export const operation = <I extends z.ZodType, O extends z.ZodType>(spec: OperationSpec<I, O>) => spec;

export const event = <P extends z.ZodType>(spec: EventSpec<P>) => spec;
