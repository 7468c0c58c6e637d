import type { Handlers } from '../../ipc/router.ts';
import type { WebhookService } from './webhook-service.ts';

export function createWebhookHandlers(service: WebhookService): Handlers['webhooks'] {
  return {
    verify: (input) => service.verify(input),
    classify: (input) => service.classify(input.body),
    examples: async () => ({ examples: await service.examples() }),
    sign: (input) => service.sign(input),
    signWithProfile: (input) => service.signWithProfile(input),
  };
}
