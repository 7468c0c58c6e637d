/** The simulator's demo partners. Not secrets: they only open the local simulator, and the docs print them. */
export const DEMO_CLIENTS = {
  staging: {
    clientId: 'sim-staging-b2b',
    clientSecret: 'sim-staging-secret',
    webhookSecret: 'sim-staging-webhook-secret',
  },
  production: {
    clientId: 'sim-production-b2b',
    clientSecret: 'sim-production-secret',
    webhookSecret: 'sim-production-webhook-secret',
  },
  b2c: { clientId: 'sim-staging-b2c', clientSecret: 'sim-b2c-secret', webhookSecret: 'sim-b2c-webhook-secret' },
} as const;
