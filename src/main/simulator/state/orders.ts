export type OrderStatus = 'SUCCESS' | 'FAILED' | 'PROCESSING' | 'CANCELLED' | 'REVERSED';

export interface VoucherRecord {
  id: string;
  orderId: string;
  clientId: string;
  cardType: string;
  cardNumber: string;
  cardPin: string;
  validTill: string;
  amountPaise: number;
}

export interface DenominationLine {
  denomination: number;
  quantity: number;
}

export interface PendingSettlement {
  at: number;
  to: 'SUCCESS' | 'FAILED';
  failureReason: string;
}

export interface OrderRecord {
  id: string;
  seq: number;
  clientId: string;
  referenceId: string;
  productId: string;
  amountPaise: number;
  denominationDetails: DenominationLine[];
  customerKey: string;
  status: OrderStatus;
  vouchers: VoucherRecord[];
  failureReason: string | null;
  createdAt: number;
  /** Only orders that were PROCESSING get the Order Reached Terminal State webhook. */
  wasProcessing: boolean;
  settlement: PendingSettlement | null;
  refundedPaise: number;
  history: Array<{ status: OrderStatus; at: number }>;
}

/** Orders and vouchers, indexed for the three read paths (by id, by referenceId per client, voucher by id). */
export class OrderStore {
  private readonly byId = new Map<string, OrderRecord>();
  private readonly byReference = new Map<string, Map<string, OrderRecord>>();
  private readonly vouchers = new Map<string, VoucherRecord>();
  private seq = 0;

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  add(order: OrderRecord): void {
    this.byId.set(order.id, order);
    let references = this.byReference.get(order.clientId);
    if (!references) {
      references = new Map();
      this.byReference.set(order.clientId, references);
    }
    references.set(order.referenceId, order);
    for (const voucher of order.vouchers) this.vouchers.set(voucher.id, voucher);
  }

  addVouchers(vouchers: readonly VoucherRecord[]): void {
    for (const voucher of vouchers) this.vouchers.set(voucher.id, voucher);
  }

  get(id: string): OrderRecord | undefined {
    return this.byId.get(id);
  }

  byReferenceId(clientId: string, referenceId: string): OrderRecord | undefined {
    return this.byReference.get(clientId)?.get(referenceId);
  }

  voucher(id: string): VoucherRecord | undefined {
    return this.vouchers.get(id);
  }

  get count(): number {
    return this.byId.size;
  }

  /** Orders waiting to settle whose time has come, earliest first (ties by creation order). */
  due(now: number): OrderRecord[] {
    const due: OrderRecord[] = [];
    for (const order of this.pending) if (order.settlement && order.settlement.at <= now) due.push(order);
    return due.sort((a, b) => a.settlement!.at - b.settlement!.at || a.seq - b.seq);
  }

  /** Orders still PROCESSING with a settlement scheduled. */
  readonly pending = new Set<OrderRecord>();

  nextSettlementAt(): number | undefined {
    let earliest: number | undefined;
    for (const order of this.pending)
      if (order.settlement && (earliest === undefined || order.settlement.at < earliest))
        earliest = order.settlement.at;
    return earliest;
  }
}
