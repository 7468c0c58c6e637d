import { createHash, timingSafeEqual } from 'node:crypto';
import type { GoLiveMode, GoLiveRun } from '../../../shared/contract/goLive.ts';
import type { NetworkAddress, Profile } from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';
import type { HubbleResult } from '../../hubble/hubble-result.ts';
import type { Kernel } from '../../kernel/kernel.ts';
import { evaluateChecklist } from './checklist-items.ts';
import type { CallCheck, GoLiveFacts } from './go-live-facts.ts';
import { alertFacts, callFacts, catalogFacts, orderFacts, walletHistoryFacts, webhookFacts } from './history-facts.ts';
import { createRunStore, type NewRun } from './run-store.ts';

export type ChecklistKernel = Pick<Kernel, 'profiles' | 'credentials' | 'scopes' | 'clock'>;

export const modeOf = (profile: Profile): GoLiveMode =>
  profile.environment === 'production' ? 'production' : 'rehearsal';

/** A production run is compared with a staging profile; a rehearsal with a production one. Throws before any work. */
export function counterpartOf(kernel: ChecklistKernel, profile: Profile, counterpartId: string | null): Profile | null {
  if (counterpartId === null) return null;
  const counterpart = kernel.profiles.get(counterpartId);
  const wanted = modeOf(profile) === 'production' ? 'staging' : 'production';
  if (counterpart.id === profile.id || counterpart.environment !== wanted) {
    throw new AppError('VALIDATION', `Compare “${profile.name}” with a ${wanted} profile.`, {
      counterpartId,
    });
  }
  return counterpart;
}

async function callCheck<T>(
  now: () => number,
  call: () => Promise<HubbleResult<T>>,
): Promise<{ check: CallCheck; value: T | null }> {
  const at = now();
  try {
    const result = await call();
    const meta = {
      requestId: result.call.requestId,
      at,
      httpStatus: result.call.httpStatus,
      latencyMs: result.call.latencyMs,
    };
    if (result.outcome === 'ok') {
      return { check: { outcome: 'ok', ...meta, failureKind: null, problem: null }, value: result.value };
    }
    return {
      check: {
        outcome: result.outcome,
        ...meta,
        failureKind: result.failure.kind,
        problem: `${result.failure.title}. ${result.failure.explanation}`,
      },
      value: null,
    };
  } catch (error) {
    // No secret set, or the keychain refused: the call never left this machine.
    const problem = error instanceof AppError ? error.message : 'the call could not start.';
    return {
      check: {
        outcome: 'not-sent',
        requestId: null,
        at,
        httpStatus: null,
        latencyMs: null,
        failureKind: null,
        problem,
      },
      value: null,
    };
  }
}

const notSent = (at: number, problem: string): CallCheck => ({
  outcome: 'not-sent',
  requestId: null,
  at,
  httpStatus: null,
  latencyMs: null,
  failureKind: null,
  problem,
});

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * Whether two profiles hold the same client secret, decided here in main: the secrets are read from the
 * keychain, compared in constant time through their digests, and dropped; only the yes/no leaves this function.
 */
async function sameSecret(kernel: ChecklistKernel, a: Profile, b: Profile): Promise<boolean | null> {
  try {
    const [mine, theirs] = await Promise.all([
      kernel.credentials.secretFor(a.id, 'clientSecret'),
      kernel.credentials.secretFor(b.id, 'clientSecret'),
    ]);
    if (!mine || !theirs) return null;
    return timingSafeEqual(digest(mine), digest(theirs));
  } catch {
    return null;
  }
}

const secretIsSet = (profile: Profile, kind: 'clientSecret' | 'webhookSecret') =>
  profile.credentialSource === 'built-in' || profile.secrets[kind].set;

/**
 * One checklist run: live calls through the profile's own client (so they are in its call log with their
 * X-REQUEST-IDs), its history read in SQL, then the verdicts. Nothing here sends money or changes Hubble.
 */
export async function gatherFacts(
  kernel: ChecklistKernel,
  input: { profileId: string; counterpartId: string | null; addresses: readonly NetworkAddress[] },
): Promise<GoLiveFacts> {
  const now = () => kernel.clock.now();
  const profile = kernel.profiles.get(input.profileId);
  const counterpart = counterpartOf(kernel, profile, input.counterpartId);
  const mode = modeOf(profile);
  const scope = kernel.scopes.get(profile.id);
  const client = scope.client();

  const login = await callCheck(now, () => client.login());
  const wallet =
    login.check.outcome === 'ok'
      ? await callCheck(now, () => client.walletBalance())
      : { check: notSent(now(), 'not sent: the login did not succeed.'), value: null };

  // This run's own calls belong in the evidence of the support item: write what the recorder holds first.
  scope.recorder.flush();

  // The staging history: a rehearsal's own; for production, the chosen staging profile's.
  const stagingProfile = mode === 'rehearsal' ? profile : counterpart;
  const stagingDb = stagingProfile ? kernel.scopes.get(stagingProfile.id).db : null;

  return {
    mode,
    now: now(),
    profile: {
      name: profile.name,
      environment: profile.environment,
      baseUrl: profile.baseUrl,
      clientSecretSet: secretIsSet(profile, 'clientSecret'),
      webhookSecretSet: secretIsSet(profile, 'webhookSecret'),
      walletMinimum: profile.walletMinimum,
      rateLimits: profile.rateLimits,
      receiver: profile.webhookReceiver,
      catalogSyncHours: profile.polling.catalogSyncHours,
      walletPollSecs: profile.polling.walletSecs,
    },
    counterpart: counterpart ? { name: counterpart.name, environment: counterpart.environment } : null,
    sameClientId: counterpart ? counterpart.clientId.trim() === profile.clientId.trim() : null,
    sameClientSecret: counterpart ? await sameSecret(kernel, profile, counterpart) : null,
    login: login.check,
    wallet: {
      ...wallet.check,
      // Money rule: Hubble's rupees become whole paise once, here.
      balancePaise: wallet.value === null ? null : Math.round(wallet.value.balance * 100),
    },
    walletHistory: walletHistoryFacts(scope.db),
    webhooks: webhookFacts(scope.db),
    catalog: catalogFacts(scope.db),
    orders: stagingProfile && stagingDb ? { profileName: stagingProfile.name, facts: orderFacts(stagingDb) } : null,
    alerts: alertFacts(scope.db),
    calls: callFacts(scope.db),
    addresses: input.addresses,
    confirmations: createRunStore(scope.db, profile.id).confirmations(),
  };
}

/** Runs the checklist and stores the run in the profile's database. */
export async function runChecklist(
  kernel: ChecklistKernel,
  input: { profileId: string; counterpartId: string | null; addresses: readonly NetworkAddress[]; by: string },
): Promise<GoLiveRun> {
  const startedAt = kernel.clock.now();
  const facts = await gatherFacts(kernel, input);
  const profile = kernel.profiles.get(input.profileId);
  const run: NewRun = {
    profileId: profile.id,
    profileName: profile.name,
    environment: profile.environment,
    mode: facts.mode,
    counterpartId: input.counterpartId,
    counterpartName: facts.counterpart?.name ?? null,
    startedAt,
    finishedAt: kernel.clock.now(),
    by: input.by,
    baseUrl: profile.baseUrl,
    networkAddresses: [...input.addresses],
    items: evaluateChecklist(facts),
  };
  return createRunStore(kernel.scopes.get(profile.id).db, profile.id).insert(run);
}
