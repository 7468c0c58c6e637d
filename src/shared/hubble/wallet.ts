import { z } from 'zod';
import { lenientNumberSchema } from './lenient-values.ts';

/** `GET /v1/partners/wallet/balance` → `{balance}` in rupees, possibly with decimals. */
export const walletBalanceSchema = z.looseObject({ balance: lenientNumberSchema });
export type WalletBalance = z.infer<typeof walletBalanceSchema>;
