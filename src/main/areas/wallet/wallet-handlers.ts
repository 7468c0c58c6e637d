import type { z } from 'zod';
import type { walletOperations } from '../../../shared/contract/wallet.ts';
import type { ProfileScope } from '../../kernel/scopes/profile-scope.ts';
import { takeWalletSample, walletCsv, walletSamples, walletSummary } from './wallet-service.ts';

type Operations = typeof walletOperations;
/** The same shape as `Handlers['wallet']` once the contract registers the area. */
export type WalletHandlers = {
  [K in keyof Operations]: (
    input: z.output<Operations[K]['input']>,
    ctx?: unknown,
  ) => Promise<z.input<Operations[K]['output']>> | z.input<Operations[K]['output']>;
};

export interface WalletHandlerDeps {
  activeScope(): ProfileScope;
  now(): number;
}

export function createWalletHandlers(deps: WalletHandlerDeps): WalletHandlers {
  return {
    summary: () => {
      const scope = deps.activeScope();
      return walletSummary(scope.db, scope.profile(), deps.now());
    },
    samples: ({ from, to }) => walletSamples(deps.activeScope().db, from, to),
    exportCsv: ({ from, to }) => {
      const scope = deps.activeScope();
      return walletCsv(scope.db, scope.profile(), from, to);
    },
    sampleNow: () => {
      const scope = deps.activeScope();
      return takeWalletSample(scope.db, scope.client(), deps.now, 'manual');
    },
  };
}
