/**
 * Every Hubble error id the docs name (hubble-api.md §7, Go Live page for E400), with what it means for an
 * operator and what to do next. Ids not listed here are kept exactly as Hubble sends them.
 */
export interface CatalogueEntry {
  readonly id: string;
  /** the machine name where the docs give one; Hubble's own `code` always wins when it sends one */
  readonly code: string | null;
  readonly title: string;
  readonly nextStep: string;
}

export const ERROR_CATALOGUE: readonly CatalogueEntry[] = [
  {
    id: 'E001',
    code: 'RESOURCE_NOT_FOUND',
    title: 'Resource not found',
    nextStep:
      'Check the id and that this profile is the environment the resource lives in (staging and production ids never mix).',
  },
  {
    id: 'E100',
    code: null,
    title: 'Brand temporarily disabled because its provider is failing',
    nextStep: 'Wait and retry later; hide the brand until a catalog sync shows it working again.',
  },
  {
    id: 'E101',
    code: null,
    title: 'Brand not enabled for this partner account',
    nextStep: 'Ask Hubble support to enable this brand for your account, or stop offering it.',
  },
  {
    id: 'E102',
    code: null,
    title: 'Brand is not active',
    nextStep: 'The brand is INACTIVE: hide it and refresh the catalog.',
  },
  {
    id: 'E150',
    code: null,
    title: 'Denomination not available for this brand',
    nextStep: 'Refresh the catalog and use only values from amountRestrictions.denominations.',
  },
  {
    id: 'E151',
    code: null,
    title: 'Order amount does not equal the denomination total',
    nextStep: 'Make amount equal the sum of denomination × quantity.',
  },
  {
    id: 'E152',
    code: null,
    title: 'Maximum denomination limit exceeded',
    nextStep: 'Use a smaller denomination (at most the brand\u2019s maxVoucherAmount).',
  },
  {
    id: 'E153',
    code: null,
    title: 'Too many different denominations in one order',
    nextStep: 'Use fewer distinct denominations (maxDenominationsPerOrder).',
  },
  {
    id: 'E154',
    code: null,
    title: 'Too many vouchers of one denomination',
    nextStep: 'Lower the quantity per denomination (maxVouchersPerDenomination) or split the order.',
  },
  {
    id: 'E155',
    code: null,
    title: 'Voucher amount outside the allowed range',
    nextStep: 'Keep each denomination within [minVoucherAmount, maxVoucherAmount] for this brand.',
  },
  {
    id: 'E156',
    code: null,
    title: 'Too many vouchers in the order',
    nextStep: 'Keep the total quantity within maxVouchersPerOrder or split the order.',
  },
  {
    id: 'E157',
    code: null,
    title: 'Invalid denomination',
    nextStep: 'Send positive denominations and whole, positive quantities.',
  },
  {
    id: 'E200',
    code: null,
    title: 'Hubble error E200 (meaning not documented)',
    nextStep: 'Copy the support bundle and send it to Hubble support.',
  },
  {
    id: 'E300',
    code: 'INSUFFICIENT_BALANCE',
    title: 'Insufficient wallet balance',
    nextStep:
      'Top up the wallet through your Hubble account manager, then place the order again with a new referenceId.',
  },
  {
    id: 'E400',
    code: 'RATE_LIMIT_EXCEEDED',
    title: 'Rate limit exceeded',
    nextStep:
      'Back off and try later; limits are per hour, day and month by amount or count, for the partner or the brand. Talk to Hubble before a campaign.',
  },
];

const byId = new Map(ERROR_CATALOGUE.map((entry) => [entry.id, entry]));

export const catalogueEntry = (id: string | null | undefined): CatalogueEntry | undefined =>
  id ? byId.get(id.toUpperCase()) : undefined;
