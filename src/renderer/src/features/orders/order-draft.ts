import type { CustomerDetails, OrderRequest, ValidationIssue } from '../../../../shared/contract/orders.ts';
import { parseRupees } from '../../components/money.ts';

export type AmountMode = 'amount' | 'denominations';

export interface LineDraft {
  /** rupees as typed */
  denomination: string;
  quantity: string;
}

export interface OrderDraft {
  productId: string;
  mode: AmountMode;
  /** rupees as typed */
  amount: string;
  lines: LineDraft[];
  customerDetails: CustomerDetails | undefined;
}

export interface DraftReading {
  /** what main would be asked to validate and place; null while the form cannot make one */
  request: OrderRequest | null;
  /** what the form itself can tell before asking main (ids as Hubble's where Hubble has one) */
  issues: ValidationIssue[];
}

const WHOLE_POSITIVE = /^\d+$/;

/**
 * The form as a request, or why not. Amounts are read as decimal strings into paise (never floats); a
 * denomination that is not whole paise or a quantity that is not a whole positive number is Hubble's E157, said
 * here before anything is sent.
 */
export function readDraft(draft: OrderDraft): DraftReading {
  const issues: ValidationIssue[] = [];
  const productId = draft.productId.trim();
  if (!productId)
    issues.push({ id: null, code: 'PRODUCT_REQUIRED', field: 'productId', message: 'Enter the brand’s product ID.' });

  const base = { productId, ...(draft.customerDetails ? { customerDetails: draft.customerDetails } : {}) };
  if (draft.mode === 'amount') {
    if (draft.amount.trim() === '') return { request: null, issues };
    const amount = parseRupees(draft.amount);
    if (!amount.ok) issues.push({ id: null, code: 'AMOUNT_UNREADABLE', field: 'amount', message: amount.message });
    return { request: issues.length === 0 && amount.ok ? { ...base, amountPaise: amount.paise } : null, issues };
  }

  const denominations: NonNullable<OrderRequest['denominations']> = [];
  draft.lines.forEach((line, index) => {
    const denomination = parseRupees(line.denomination);
    const quantity = line.quantity.trim();
    if (!denomination.ok)
      issues.push({
        id: 'E157',
        code: 'INVALID_DENOMINATION',
        field: `denominations[${index}].denominationPaise`,
        message: `Line ${index + 1}: ${denomination.message}`,
      });
    if (!WHOLE_POSITIVE.test(quantity) || Number(quantity) < 1)
      issues.push({
        id: 'E157',
        code: 'INVALID_DENOMINATION',
        field: `denominations[${index}].quantity`,
        message: `Line ${index + 1}: the quantity must be a whole number of vouchers, 1 or more.`,
      });
    else if (denomination.ok) denominations.push({ denominationPaise: denomination.paise, quantity: Number(quantity) });
  });
  if (draft.lines.length === 0)
    issues.push({ id: null, code: 'NO_LINES', field: 'denominations', message: 'Add at least one denomination.' });
  return { request: issues.length === 0 ? { ...base, denominations } : null, issues };
}

/** Σ denomination × quantity, in paise (integers all the way). */
export const totalOf = (lines: NonNullable<OrderRequest['denominations']>) =>
  lines.reduce((sum, line) => sum + line.denominationPaise * line.quantity, 0);
