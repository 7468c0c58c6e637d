import {
  customerDetailsSchema,
  type BatchReport,
  type BatchRowReport,
  type BatchWalletCheck,
  type CustomerDetails,
  type DenominationLine,
  type ValidationIssue,
} from '../../../shared/contract/orders.ts';
import type { Brand } from '../../../shared/hubble/brand.ts';
import { maskEmail, maskPhone } from '../../../shared/hubble/redact.ts';
import type { BatchCsv, CsvRow } from './batch-csv.ts';
import { brandRules } from './brand-rules.ts';
import { formatPaise } from './money.ts';
import { validateOrder } from './validate-order.ts';

/** The brands a batch may name: by id, or by exact name (any case), as Hubble lists them for this account. */
export interface BrandDirectory {
  byId(id: string): Brand | undefined;
  byName(name: string): Brand[];
}

const fold = (name: string) => name.normalize('NFKC').trim().toLowerCase();

export function brandDirectory(brands: readonly Brand[]): BrandDirectory {
  const ids = new Map(brands.map((brand) => [brand.id, brand]));
  const names = new Map<string, Brand[]>();
  for (const brand of brands) names.set(fold(brand.title), [...(names.get(fold(brand.title)) ?? []), brand]);
  return { byId: (id) => ids.get(id.trim()), byName: (name) => names.get(fold(name)) ?? [] };
}

/** A valid row as the runner needs it: the full customer details are kept only until the row is sent. */
export interface PreparedRow {
  readonly report: BatchRowReport;
  readonly customerDetails: CustomerDetails | null;
}

const issue = (id: string | null, code: string, field: string | null, message: string): ValidationIssue => ({
  id,
  code,
  field,
  message,
});

/** "₹1,250.50", "1250.5", "1 250" → paise; null when it is not a positive amount in whole paise. */
export function parseRupees(text: string): number | null {
  const cleaned = text.replace(/[₹\s,]/g, '').replace(/^(rs\.?|inr)/i, '');
  if (!/^\d+(\.\d{1,2})?$/.test(cleaned)) return null;
  const [whole, fraction = ''] = cleaned.split('.');
  const paise = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  return Number.isSafeInteger(paise) && paise > 0 ? paise : null;
}

/** "500x2; 1000x1" (also ×, *, and | + or whitespace between items; "500" alone is one voucher). */
export function parseDenominations(text: string): DenominationLine[] | null {
  const items = text.split(/[;|+\s]+/).filter(Boolean);
  const lines: DenominationLine[] = [];
  for (const item of items) {
    const match = /^(.+?)(?:[x×*](\d+))?$/i.exec(item);
    const paise = match ? parseRupees(match[1]!) : null;
    const quantity = match?.[2] === undefined ? 1 : Number(match[2]);
    if (paise === null || !Number.isSafeInteger(quantity) || quantity <= 0) return null;
    lines.push({ denominationPaise: paise, quantity });
  }
  return lines.length > 0 ? lines : null;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function readCustomer(values: CsvRow['values'], issues: ValidationIssue[]): CustomerDetails | null {
  const raw = { name: values.customerName, phoneNumber: values.customerPhone, email: values.customerEmail };
  const given = Object.fromEntries(Object.entries(raw).filter(([, value]) => value !== undefined));
  if (Object.keys(given).length === 0) return null;
  const parsed = customerDetailsSchema.safeParse(given);
  if (!parsed.success) {
    issues.push(issue(null, 'INVALID_CUSTOMER', 'customerDetails', 'The customer details are too long.'));
    return null;
  }
  const digits = parsed.data.phoneNumber?.replace(/[\s()+-]/g, '');
  if (digits !== undefined && !/^\d{6,15}$/.test(digits))
    issues.push(issue(null, 'INVALID_PHONE', 'customerPhone', 'The customer phone is not a phone number.'));
  if (parsed.data.email !== undefined && !EMAIL.test(parsed.data.email))
    issues.push(issue(null, 'INVALID_EMAIL', 'customerEmail', 'The customer e-mail is not an e-mail address.'));
  return parsed.data;
}

const maskedCustomer = (customer: CustomerDetails | null) =>
  customer && {
    ...(customer.name ? { name: customer.name } : {}),
    ...(customer.phoneNumber ? { phoneNumber: maskPhone(customer.phoneNumber) } : {}),
    ...(customer.email ? { email: maskEmail(customer.email) } : {}),
  };

function resolveBrand(text: string | undefined, brands: BrandDirectory, issues: ValidationIssue[]): Brand | null {
  if (text === undefined) {
    issues.push(issue(null, 'BRAND_REQUIRED', 'brand', 'The row names no brand.'));
    return null;
  }
  const byId = brands.byId(text);
  if (byId) return byId;
  const named = brands.byName(text);
  if (named.length === 1) return named[0]!;
  if (named.length > 1) {
    issues.push(
      issue(null, 'AMBIGUOUS_BRAND', 'brand', `${named.length} brands are called "${text}"; use the brand id.`),
    );
    return null;
  }
  // Hubble lists exactly the brands enabled for this account: anything else it would refuse with E101.
  issues.push(issue('E101', 'BRAND_NOT_ENABLED', 'brand', `"${text}" is not a brand enabled for this account.`));
  return null;
}

export interface DryRunContext {
  brands: BrandDirectory;
  /** partner references of earlier batches of this profile (a repeat is worth a warning) */
  earlierPartnerReferences(references: readonly string[]): Set<string>;
  newReferenceId(): string;
}

/** Every row checked against the brand rules; each valid row gets its referenceId here, once and for all. */
export function prepareRows(csv: BatchCsv, context: DryRunContext): PreparedRow[] {
  const firstLineOf = new Map<string, number>();
  const references = csv.rows.flatMap((row) => (row.values.partnerReference ? [row.values.partnerReference] : []));
  const earlier = context.earlierPartnerReferences(references);
  return csv.rows.map((row) => {
    const { values } = row;
    const issues: ValidationIssue[] = [];
    const warnings: string[] = [];
    const partnerReference = values.partnerReference ?? null;
    if (partnerReference !== null) {
      const first = firstLineOf.get(partnerReference);
      // A partner reference twice in one file is most often a row pasted twice: never issue both.
      if (first !== undefined)
        issues.push(
          issue(
            null,
            'DUPLICATE_PARTNER_REFERENCE',
            'partnerReference',
            `The partner reference "${partnerReference}" is already on line ${first}.`,
          ),
        );
      else firstLineOf.set(partnerReference, row.line);
      if (earlier.has(partnerReference))
        warnings.push(`The partner reference "${partnerReference}" was used in an earlier batch of this profile.`);
    }
    const brand = resolveBrand(values.brand, context.brands, issues);
    const amountPaise = values.amount === undefined ? undefined : parseRupees(values.amount);
    if (amountPaise === null)
      issues.push(issue(null, 'INVALID_AMOUNT', 'amount', `"${values.amount}" is not an amount in rupees.`));
    const denominations = values.denominations === undefined ? undefined : parseDenominations(values.denominations);
    if (denominations === null)
      issues.push(
        issue(
          'E157',
          'INVALID_DENOMINATION',
          'denominations',
          `"${values.denominations}" is not a list of denominations such as "500x2; 1000x1".`,
        ),
      );
    if (values.amount === undefined && values.denominations === undefined)
      issues.push(issue(null, 'AMOUNT_REQUIRED', 'amount', 'The row has neither an amount nor denominations.'));
    const customerDetails = readCustomer(values, issues);

    let lines: DenominationLine[] | null = null;
    let total: number | null = amountPaise ?? null;
    if (brand && amountPaise !== null && denominations !== null && issues.length === 0) {
      const validation = validateOrder(brandRules(brand), {
        amountPaise: amountPaise ?? undefined,
        denominations: denominations ?? undefined,
      });
      issues.push(...validation.issues);
      lines = validation.lines;
      total = validation.amountPaise;
    }
    const valid = issues.length === 0 && lines !== null && total !== null;
    return {
      report: {
        line: row.line,
        partnerReference,
        brandId: brand?.id ?? null,
        brandName: brand?.title ?? values.brand ?? null,
        amountPaise: total,
        denominations: lines,
        customer: maskedCustomer(customerDetails),
        referenceId: valid ? context.newReferenceId() : null,
        valid,
        issues,
        warnings,
      },
      customerDetails: valid ? customerDetails : null,
    };
  });
}

export type WalletReading = { ok: true; balancePaise: number } | { ok: false; message: string };

/** Σ of the valid rows against the balance: the line from which Hubble would answer E300, if any. */
export function checkWallet(rows: readonly BatchRowReport[], wallet: WalletReading): BatchWalletCheck {
  const valid = rows.filter((row) => row.valid);
  const total = valid.reduce((sum, row) => sum + row.amountPaise!, 0);
  if (!wallet.ok)
    return {
      checked: false,
      balancePaise: null,
      shortfallPaise: null,
      predictedE300: false,
      firstShortLine: null,
      message: `The wallet balance could not be read (${wallet.message}); check it before running the batch.`,
    };
  let running = 0;
  const firstShort = valid.find((row) => (running += row.amountPaise!) > wallet.balancePaise);
  if (!firstShort)
    return {
      checked: true,
      balancePaise: wallet.balancePaise,
      shortfallPaise: null,
      predictedE300: false,
      firstShortLine: null,
      message: `The wallet (${formatPaise(wallet.balancePaise)}) covers the batch (${formatPaise(total)}).`,
    };
  return {
    checked: true,
    balancePaise: wallet.balancePaise,
    shortfallPaise: total - wallet.balancePaise,
    predictedE300: true,
    firstShortLine: firstShort.line,
    message: `The wallet holds ${formatPaise(wallet.balancePaise)} but the batch needs ${formatPaise(total)}: Hubble would refuse the rows from line ${firstShort.line} on with E300 (insufficient balance). Top up ${formatPaise(total - wallet.balancePaise)} first.`,
  };
}

/** The dry-run report the operator reads before running. */
export function batchReport(
  batch: { batchId: string; name: string },
  rows: readonly BatchRowReport[],
  wallet: BatchWalletCheck,
  ignoredColumns: readonly string[] = [],
): BatchReport {
  const valid = rows.filter((row) => row.valid);
  const brands = new Map<string, { brandId: string; brandName: string; rows: number; totalPaise: number }>();
  for (const row of valid) {
    const entry = brands.get(row.brandId!) ?? {
      brandId: row.brandId!,
      brandName: row.brandName ?? row.brandId!,
      rows: 0,
      totalPaise: 0,
    };
    entry.rows += 1;
    entry.totalPaise += row.amountPaise!;
    brands.set(row.brandId!, entry);
  }
  return {
    batchId: batch.batchId,
    name: batch.name,
    rows: rows.length,
    validRows: valid.length,
    invalidRows: rows.length - valid.length,
    totalPaise: valid.reduce((sum, row) => sum + row.amountPaise!, 0),
    vouchers: valid.reduce((sum, row) => sum + row.denominations!.reduce((n, line) => n + line.quantity, 0), 0),
    brands: [...brands.values()],
    wallet,
    badRows: rows.filter((row) => !row.valid),
    warnedRows: rows.filter((row) => row.warnings.length > 0),
    ignoredColumns: [...ignoredColumns],
  };
}
