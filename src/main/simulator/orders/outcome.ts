import { z } from 'zod';
import type { Random } from '../random.ts';
import type { Scenario } from '../scenarios.ts';

export const OUTCOME_NAMES = [
  'SUCCESS',
  'PROCESSING',
  'FAILED',
  'PROCESSING_THEN_SUCCESS',
  'PROCESSING_THEN_FAILED',
] as const;
export type OutcomeName = (typeof OUTCOME_NAMES)[number];

export const forcedOutcomeSchema = z
  .object({
    clientId: z.string().optional(),
    outcome: z.enum(OUTCOME_NAMES),
    settleAfterSecs: z
      .number()
      .min(0)
      .max(30 * 86_400)
      .optional(),
    failureReason: z.string().min(1).max(500).optional(),
  })
  .strict();
export type ForcedOutcome = z.infer<typeof forcedOutcomeSchema>;

export interface DecidedOutcome {
  initial: 'SUCCESS' | 'PROCESSING' | 'FAILED';
  /** Where a PROCESSING order ends up, and when. */
  settleTo: 'SUCCESS' | 'FAILED';
  settleAfterSecs: number;
  failureReason: string;
  source: 'next-outcome' | 'reference-prefix' | 'brand' | 'scenario';
}

export const FAILURE_REASONS = [
  'Voucher generation failed at the brand provider',
  'Brand provider timed out while generating the voucher',
  'Brand provider declined the request',
  'Voucher inventory exhausted for this denomination',
];

/** The simulator's own deterministic triggers: referenceIds starting with these force an outcome. */
const REFERENCE_PREFIXES: Array<[string, OutcomeName]> = [
  ['SIM-PROCESSING-FAILED', 'PROCESSING_THEN_FAILED'],
  ['SIM-PROCESSING', 'PROCESSING_THEN_SUCCESS'],
  ['SIM-FAILED', 'FAILED'],
  ['SIM-SUCCESS', 'SUCCESS'],
];

export function outcomeFromReference(referenceId: string): OutcomeName | undefined {
  const upper = referenceId.toUpperCase();
  return REFERENCE_PREFIXES.find(([prefix]) => upper.startsWith(prefix))?.[1];
}

interface DecideInput {
  forced: ForcedOutcome | undefined;
  referenceId: string;
  brandOutcome: OutcomeName | null;
  scenario: Scenario;
  random: Random;
}

export function decideOutcome(input: DecideInput): DecidedOutcome {
  const { scenario, random } = input;
  const fromReference = outcomeFromReference(input.referenceId);
  const [name, source]: [OutcomeName, DecidedOutcome['source']] = input.forced
    ? [input.forced.outcome, 'next-outcome']
    : fromReference
      ? [fromReference, 'reference-prefix']
      : input.brandOutcome
        ? [input.brandOutcome, 'brand']
        : [random.weighted(scenario.outcomes), 'scenario'];
  const settleAfterSecs =
    input.forced?.settleAfterSecs ?? random.int(scenario.settleAfterSecs.min, scenario.settleAfterSecs.max);
  const failureReason = input.forced?.failureReason ?? random.pick(FAILURE_REASONS);
  const settleTo =
    name === 'PROCESSING_THEN_FAILED' ? 'FAILED' : name === 'PROCESSING' ? processingEnd(scenario, random) : 'SUCCESS';
  const initial = name === 'SUCCESS' || name === 'FAILED' ? name : 'PROCESSING';
  return { initial, settleTo, settleAfterSecs, failureReason, source };
}

/** A bare PROCESSING settles the way the scenario's PROCESSING orders do. */
function processingEnd(scenario: Scenario, random: Random): 'SUCCESS' | 'FAILED' {
  const success = scenario.outcomes.PROCESSING_THEN_SUCCESS;
  const failed = scenario.outcomes.PROCESSING_THEN_FAILED;
  if (success + failed <= 0) return 'SUCCESS';
  return random.next() * (success + failed) < success ? 'SUCCESS' : 'FAILED';
}
