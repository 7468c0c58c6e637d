import { SimError, type SubError } from '../errors.ts';
import { isWholePaise } from '../money.ts';

export const MAX_REFERENCE_ID_LENGTH = 40;

export interface PlaceOrderInput {
  productId: string;
  referenceId: string;
  amount: number;
  /** Items are checked one by one later (E157), in the §14 order. */
  denominationDetails: unknown[];
  /** Who the order is for, for per-end-customer brand limits. */
  customerKey: string;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function requireString(body: Record<string, unknown>, field: string, errors: SubError[]): string | undefined {
  const value = body[field];
  if (value === undefined || value === null || value === '') {
    errors.push({ fieldName: field, message: `${field} is required` });
    return undefined;
  }
  if (typeof value !== 'string') {
    errors.push({ fieldName: field, message: `${field} must be a string` });
    return undefined;
  }
  return value;
}

function checkCustomerDetails(value: unknown, b2c: boolean, errors: SubError[]): string {
  if (value === undefined || value === null) {
    // B2C partners must say who the end customer is (hubble-api.md §6.1); B2B may send null.
    if (b2c) errors.push({ fieldName: 'customerDetails', message: 'customerDetails is required for B2C partners' });
    return 'anonymous';
  }
  if (!isObject(value)) {
    errors.push({ fieldName: 'customerDetails', message: 'customerDetails must be an object' });
    return 'anonymous';
  }
  for (const field of ['name', 'phoneNumber', 'email']) {
    const child = value[field];
    if (child !== undefined && child !== null && typeof child !== 'string')
      errors.push({ fieldName: `customerDetails.${field}`, message: `${field} must be a string` });
  }
  const phone = typeof value['phoneNumber'] === 'string' ? value['phoneNumber'].trim() : '';
  const email = typeof value['email'] === 'string' ? value['email'].trim().toLowerCase() : '';
  if (b2c && !phone && !email)
    errors.push({
      fieldName: 'customerDetails.phoneNumber',
      message: 'phoneNumber or email is required for B2C partners',
    });
  return phone || email || (typeof value['name'] === 'string' && value['name'].trim()) || 'anonymous';
}

/** Body shape (400 with subErrors): required fields, their types, referenceId ≤ 40 chars, customerDetails for B2C. */
export function parsePlaceOrderBody(body: unknown, b2c: boolean): PlaceOrderInput {
  if (!isObject(body)) throw new SimError('BAD_REQUEST', { debugMessage: 'The request body must be a JSON object' });
  const errors: SubError[] = [];
  const productId = requireString(body, 'productId', errors);
  const referenceId = requireString(body, 'referenceId', errors);
  if (referenceId !== undefined && referenceId.length > MAX_REFERENCE_ID_LENGTH) {
    errors.push({
      fieldName: 'referenceId',
      message: `referenceId must be at most ${MAX_REFERENCE_ID_LENGTH} characters`,
      debugMessage: `got ${referenceId.length}`,
    });
  }
  const amount = body['amount'];
  if (amount === undefined || amount === null) errors.push({ fieldName: 'amount', message: 'amount is required' });
  else if (typeof amount !== 'number' || !Number.isFinite(amount))
    errors.push({ fieldName: 'amount', message: 'amount must be a number' });
  else if (amount <= 0) errors.push({ fieldName: 'amount', message: 'amount must be greater than 0' });
  else if (!isWholePaise(amount)) errors.push({ fieldName: 'amount', message: 'amount can have at most two decimals' });
  const details = body['denominationDetails'];
  if (details === undefined || details === null)
    errors.push({ fieldName: 'denominationDetails', message: 'denominationDetails is required' });
  else if (!Array.isArray(details))
    errors.push({ fieldName: 'denominationDetails', message: 'denominationDetails must be an array' });
  else if (details.length === 0)
    errors.push({ fieldName: 'denominationDetails', message: 'denominationDetails must not be empty' });
  const customerKey = checkCustomerDetails(body['customerDetails'], b2c, errors);
  for (const field of ['deliveryDetails', 'recipientDetails']) {
    const value = body[field];
    if (value !== undefined && value !== null && !isObject(value))
      errors.push({ fieldName: field, message: `${field} must be an object` });
  }
  if (errors.length > 0) throw new SimError('BAD_REQUEST', { subErrors: errors });
  return {
    productId: productId!,
    referenceId: referenceId!,
    amount: amount as number,
    denominationDetails: details as unknown[],
    customerKey,
  };
}
