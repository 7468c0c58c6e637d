import { defineArea } from '../define-area.ts';
import { createProfileSecretSource } from './profile-secret-source.ts';
import { createWebhookHandlers } from './webhook-handlers.ts';
import { createWebhookService } from './webhook-service.ts';

/** webhooks.*: the signature debugger and the signing tool, with secrets read from the keychain when needed. */
export const webhooksArea = defineArea({
  name: 'webhooks',
  create: (kernel) => ({
    handlers: {
      webhooks: createWebhookHandlers(
        createWebhookService({
          secrets: createProfileSecretSource({ list: kernel.profileList, secretFor: kernel.credentials.secretFor }),
          auditSigning: ({ profileId, bytes, url }) =>
            kernel.audit.record({ action: 'webhooks.signed', profileId, details: { bytes, url } }),
        }),
      ),
    },
  }),
});
