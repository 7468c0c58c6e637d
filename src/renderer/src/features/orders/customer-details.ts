import type { CustomerDetails } from '../../../../shared/contract/orders.ts';

export interface CustomerDraft {
  name: string;
  phoneNumber: string;
  email: string;
}

export const EMPTY_CUSTOMER: CustomerDraft = { name: '', phoneNumber: '', email: '' };

/** Only the fields the operator filled in; none at all is no customer details (B2B partners may omit them). */
export function customerDetailsOf(draft: CustomerDraft): CustomerDetails | undefined {
  const details: CustomerDetails = {};
  if (draft.name.trim()) details.name = draft.name.trim();
  if (draft.phoneNumber.trim()) details.phoneNumber = draft.phoneNumber.trim();
  if (draft.email.trim()) details.email = draft.email.trim();
  return Object.keys(details).length > 0 ? details : undefined;
}
