import type { ClientState } from './clients.ts';

export interface LowBalanceCrossing {
  balancePaise: number;
  thresholdPaise: number;
}

/**
 * Debits at the gross amount (hubble-api.md §1). Reports a Wallet Low Balance crossing only when this debit takes
 * the balance from at-or-above the threshold to below it, so the webhook fires once per crossing.
 */
export function debit(client: ClientState, amountPaise: number): LowBalanceCrossing | undefined {
  const before = client.walletPaise;
  client.walletPaise -= amountPaise;
  const threshold = client.lowBalanceThresholdPaise;
  return before >= threshold && client.walletPaise < threshold
    ? { balancePaise: client.walletPaise, thresholdPaise: threshold }
    : undefined;
}

export function credit(client: ClientState, amountPaise: number): void {
  client.walletPaise += amountPaise;
}

export const canAfford = (client: ClientState, amountPaise: number): boolean => client.walletPaise >= amountPaise;
