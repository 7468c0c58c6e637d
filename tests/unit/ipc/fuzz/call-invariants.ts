import type { OperationSpec } from '../../../../src/shared/contract/define.ts';
import type { ProfileList } from '../../../../src/shared/contract/profiles.ts';
import { errorKindSchema, type Result } from '../../../../src/shared/contract/result.ts';
import { CANARY_PREFIX } from './console-under-fuzz.ts';
import type { FuzzCase } from './fuzz-case.ts';
import { differences, type StateSnapshot } from './state-snapshot.ts';

const PROTOTYPES = { Object: Object.prototype, Array: Array.prototype, Function: Function.prototype };

/** The own property names of the built-in prototypes, to notice anything added to them. */
export function prototypeShape(): string {
  return JSON.stringify(
    Object.entries(PROTOTYPES).map(([name, prototype]) => [name, Reflect.ownKeys(prototype).map(String).sort()]),
  );
}

export interface ObservedCall {
  channel: string;
  spec: OperationSpec;
  fuzz: FuzzCase;
  /** the answer, or what dispatch threw */
  outcome: { answer: Result<unknown> } | { thrown: unknown };
  before: StateSnapshot;
  after: StateSnapshot;
  listBefore: ProfileList;
  prototypesBefore: string;
}

const safeJson = (value: unknown) => {
  try {
    return JSON.stringify(value) ?? '';
  } catch (error) {
    return `<unserialisable answer: ${String(error)}>`;
  }
};

/**
 * What must hold for any input at all: dispatch answers (never throws), never INTERNAL, never a secret,
 * never a polluted prototype; a refused input changes nothing; an unknown key is refused; a production
 * profile is never acted on without a confirmation.
 */
export function violations(call: ObservedCall): string[] {
  const found: string[] = [];
  if (prototypeShape() !== call.prototypesBefore) found.push('a built-in prototype gained or lost a property');
  const probe = {} as Record<string, unknown>;
  if (probe.polluted !== undefined || probe.isAdmin !== undefined) found.push('Object.prototype is polluted');

  if ('thrown' in call.outcome) {
    const error = call.outcome.thrown;
    found.push(`dispatch threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
    return found;
  }
  const { answer } = call.outcome;
  const text = safeJson(answer);
  if (text.includes(CANARY_PREFIX)) found.push('the answer contains a secret (a canary value)');
  if (answer.ok !== true && answer.ok !== false) found.push(`not a Result: ${text.slice(0, 200)}`);

  if (!answer.ok) {
    const kind = answer.error?.kind;
    if (!errorKindSchema.safeParse(kind).success) found.push(`unknown error kind ${String(kind)}`);
    if (kind === 'INTERNAL') found.push(`answered INTERNAL: ${answer.error.message}`);
    if (call.fuzz.mustRefuse && kind !== 'VALIDATION') {
      found.push(`${call.fuzz.mustRefuse} was refused with ${kind}, not VALIDATION`);
    }
    // Refused before any handler ran (input parsing, the production guard): nothing may have reached Hubble.
    const refusedByConsole =
      kind === 'CONFIRMATION_REQUIRED' || answer.error.message.startsWith(`Invalid input for ${call.channel}`);
    const changed = differences(call.before, call.after, { hubbleMayHaveAnswered: !refusedByConsole });
    if (changed.length > 0) found.push(`refused with ${kind} but changed state: ${changed.join('; ')}`);
    return found;
  }

  if (call.fuzz.mustRefuse) found.push(`${call.fuzz.mustRefuse} was accepted (ok: true)`);
  if (call.spec.confirmOnProduction) {
    const input = call.fuzz.input as { profileId?: unknown } | undefined;
    const target = typeof input?.profileId === 'string' ? input.profileId : call.listBefore.activeProfileId;
    const profile = call.listBefore.profiles.find((candidate) => candidate.id === target);
    if (profile?.environment === 'production') found.push('ran on a production profile without a confirmation');
  }
  return found;
}
