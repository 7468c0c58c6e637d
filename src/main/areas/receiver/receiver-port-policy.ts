import type { ProfileSettings } from '../../../shared/contract/profiles.ts';
import { AppError } from '../../errors/app-error.ts';
import type { ProfileSettingsRule } from '../../kernel/profiles/profile-catalog.ts';

type Receiver = ProfileSettings['webhookReceiver'];

/** Only one profile may listen on a port: two receivers on one port would steal each other's webhooks. */
export const receiverPortIsFree: ProfileSettingsRule = (settings, others) => {
  const receiver: Receiver = settings.webhookReceiver;
  if (!receiver.enabled) return;
  const holder = others.find((other) => other.webhookReceiver.enabled && other.webhookReceiver.port === receiver.port);
  if (holder) {
    throw new AppError('CONFLICT', `Port ${receiver.port} already receives webhooks for “${holder.name}”.`, {
      issues: [{ path: 'settings.webhookReceiver.port', message: 'This port is in use by another profile' }],
    });
  }
};
