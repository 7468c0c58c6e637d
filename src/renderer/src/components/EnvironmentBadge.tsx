import type { Environment } from '../../../shared/contract/profiles.ts';

const LABELS: Record<Environment, string> = {
  simulator: 'Simulated',
  staging: 'Staging',
  production: 'PRODUCTION',
  custom: 'Custom',
};

export function EnvironmentBadge({ environment }: { environment: Environment }) {
  return (
    <span className={`env-badge env-badge--${environment}`} data-environment={environment}>
      {LABELS[environment]}
    </span>
  );
}
