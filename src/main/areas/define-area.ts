import type { Handlers } from '../ipc/router.ts';
import type { Kernel } from '../kernel/kernel.ts';
import type { Disposable, ScopeContributor } from '../kernel/scopes/profile-scope.ts';

/** What an area brings to the console once the kernel exists. */
export interface AreaInstance {
  /** The contract operations it serves, by contract area (usually one). */
  readonly handlers: Partial<Handlers>;
  /** Per-profile work (a poller, a watcher, a receiver); the kernel runs it for each open profile scope. */
  readonly perProfile?: ScopeContributor;
  /** App-wide resources of the area, released on quit after every scope has closed. */
  readonly close?: Disposable;
}

/**
 * One feature area of main. It is given the kernel and nothing else: what two areas share goes through the
 * kernel, the contract's types or the event bus — never an import of another area (eslint enforces it).
 */
export interface AreaDefinition {
  readonly name: string;
  create(kernel: Kernel): AreaInstance;
}

export const defineArea = (definition: AreaDefinition): AreaDefinition => definition;
