import { SimError } from '../errors.ts';
import type { ClientState } from '../state/clients.ts';
import { canAfford } from '../state/wallet.ts';

/** E300: the wallet must cover the gross amount. */
export function checkWallet(client: ClientState, amountPaise: number): void {
  if (!canAfford(client, amountPaise)) throw new SimError('INSUFFICIENT_BALANCE');
}
