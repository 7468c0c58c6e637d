import { useEffect, useState } from 'react';
import type { OrderDetail } from '../../../../shared/contract/orders.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { DateTime } from '../../components/DateTime.tsx';
import { timeZoneLabel, toIso } from '../../components/format-time.ts';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { CustomerFields } from './CustomerFields.tsx';
import { customerDetailsOf, EMPTY_CUSTOMER } from './customer-details.ts';
import { formatDuration } from '../../components/format-duration.ts';
import { formatPaise } from '../../components/money.ts';
import {
  isOutcomeUnknown,
  isRetryable,
  isSettling,
  SOURCE_LABELS,
  statusLabel,
  statusTone,
  statusWords,
  UNKNOWN_OUTCOME_TEXT,
} from './order-status.ts';
import { OPEN_ORDER_RELOAD_MS } from './order-polling.ts';
import { keyOf, useOrders } from './orders-store.ts';
import { VoucherReveal } from './VoucherReveal.tsx';
import { downloadText } from '../../components/download-text.ts';

const TIMELINE_SOURCES: Record<string, string> = {
  intent: 'recorded before sending',
  place: 'answer to the order',
  resend: 'resent with the same referenceId',
  resolve: 'resolved by referenceId',
  lookup: 'looked up in Hubble',
  poll: 'checked with Hubble',
  webhook: 'webhook',
  import: 'imported',
};

/** The timeline of a teammate's order (team mode) keeps the teammate's source, prefixed `team:`. */
const timelineSource = (source: string) =>
  source.startsWith('team:')
    ? `${TIMELINE_SOURCES[source.slice(5)] ?? source.slice(5)} (teammate)`
    : (TIMELINE_SOURCES[source] ?? source);

/** Keeps an open order current while it can still change: what main's watcher or recovery wrote is read again. */
function useSettlingWatch(detail: OrderDetail | null) {
  const settling = detail !== null && isSettling(detail);
  useEffect(() => {
    if (!settling) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const next = () => {
      timer = setTimeout(async () => {
        await useOrders.getState().reloadDetail();
        // the answer may have settled the order (or another opened): this watch then ended meanwhile
        if (!stopped) next();
      }, OPEN_ORDER_RELOAD_MS);
    };
    next();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [settling, detail?.referenceId, detail?.orderId]);
}

/** "PROCESSING for 17 min", kept current each minute; the exact start on hover (ISO 8601). */
function ProcessingFor({ since }: { since: number }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);
  return <span title={`since ${toIso(since)}`}>PROCESSING for {formatDuration(now - since)}</span>;
}

function Failure({ order }: { order: OrderDetail }) {
  const failure = order.failure;
  if (!failure && !order.failureReason && !order.errorId) return null;
  return (
    <div className={`order-failure order-failure--${statusTone(order)}`} role="note" aria-label="Why it failed">
      <strong>
        {failure?.title ??
          (order.errorId ? `${order.errorId}${order.errorCode ? ` ${order.errorCode}` : ''}` : 'Failed at Hubble')}
      </strong>
      {order.failureReason && <p>Hubble’s reason: {order.failureReason}</p>}
      {failure && (
        <>
          {failure.errorId && (
            <p>
              <span className="muted">Hubble’s error: </span>
              <span className="mono">
                {failure.errorId}
                {failure.errorCode ? ` ${failure.errorCode}` : ''}
              </span>
            </p>
          )}
          <p>{failure.explanation}</p>
          <p>
            <span className="muted">Next step: </span>
            {failure.nextStep}
          </p>
          <p>
            <span className="muted">X-REQUEST-ID: </span>
            <button
              type="button"
              className="link-button mono"
              onClick={() => void useOrders.getState().showCall(failure.requestId)}
              aria-label={`Open call ${failure.requestId} in Calls`}
            >
              {failure.requestId}
            </button>
          </p>
        </>
      )}
    </div>
  );
}

function Timeline({ order }: { order: OrderDetail }) {
  if (order.history.length === 0) return null;
  return (
    <>
      <h3 id="order-timeline">Status timeline</h3>
      <ol className="order-timeline" aria-labelledby="order-timeline">
        {order.history.map((change, index) => (
          <li key={`${change.at}-${index}`}>
            <span
              className={`order-status order-status--${statusTone({ status: change.status, intentState: 'resolved' })}`}
            >
              {change.status}
            </span>{' '}
            <DateTime at={change.at} /> <span className="muted">· {timelineSource(change.source)}</span>
          </li>
        ))}
      </ol>
    </>
  );
}

function Calls({ order }: { order: OrderDetail }) {
  if (order.calls.length === 0) return null;
  return (
    <>
      <h3 id="order-calls">Calls behind it</h3>
      <ul className="order-calls" aria-labelledby="order-calls">
        {order.calls.map((call) => (
          <li key={call.requestId}>
            <button
              type="button"
              className="link-button mono"
              onClick={() => void useOrders.getState().showCall(call.requestId)}
              aria-label={`Open call ${call.requestId} in Calls`}
              title="Open this call on the Calls page"
            >
              {call.requestId}
            </button>
            <span className="muted">
              {' '}
              {call.purpose} · {call.outcome} · <DateTime at={call.at} />
            </span>
          </li>
        ))}
      </ul>
      <button type="button" onClick={() => void useOrders.getState().showCallsOf(order)}>
        All calls of this order in Calls
      </button>
    </>
  );
}

function RetryForm({ order }: { order: OrderDetail }) {
  const [customer, setCustomer] = useState(EMPTY_CUSTOMER);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);
  const needsCustomer = order.customer !== null;
  const retry = async () => {
    setBusy(true);
    setError(null);
    const result = await useOrders.getState().retry(order, customerDetailsOf(customer));
    setBusy(false);
    if (!result.ok) setError(result.error);
  };
  return (
    <section className="order-retry" aria-labelledby="order-retry-title">
      <h3 id="order-retry-title">Retry</h3>
      <p className="muted">
        A retry is a new order with a new referenceId, linked to this one; this referenceId is used up.
      </p>
      {needsCustomer && (
        <CustomerFields
          value={customer}
          onChange={setCustomer}
          legend="Customer details again (they are not kept once an outcome is known)"
        />
      )}
      <button type="button" className="button-primary" disabled={busy} onClick={() => void retry()}>
        {busy ? 'Retrying…' : 'Retry with a new referenceId'}
      </button>
      <OperationErrorMessage error={error} />
    </section>
  );
}

const vouchersText = (count: number) => `${count} ${count === 1 ? 'voucher' : 'vouchers'}`;

/** The support bundle: built by main (redacted) only when asked, copied or saved as a file. */
function BundleActions({ order }: { order: OrderDetail }) {
  const [error, setError] = useState<AppErrorShape | null>(null);
  const key = keyOf(order);
  if (!key) return null;
  const bundle = async () => {
    const result = await useOrders.getState().bundle(key);
    if (!result.ok) setError(result.error);
    return result.ok ? result.value : null;
  };
  const download = async () => {
    const value = await bundle();
    if (value) downloadText(`${value.fileName}.txt`, value.text);
  };
  return (
    <>
      <CopyButton label="Copy support bundle" text={async () => (await bundle())?.text ?? null} />
      <button type="button" onClick={() => void download()}>
        Download bundle
      </button>
      <OperationErrorMessage error={error} />
    </>
  );
}

/** One order: status and its timeline, why it failed (Hubble's id and words), the calls behind it, retry. */
export function OrderDetailPanel() {
  const detail = useOrders((state) => state.detail);
  const detailError = useOrders((state) => state.detailError);
  const checking = useOrders((state) => state.checking);
  useSettlingWatch(detail);

  const close = () => useOrders.getState().closePanel();
  if (detailError && !detail)
    return (
      <aside className="order-detail" aria-label="Order detail">
        <p className="form-error" role="alert">
          {detailError}
        </p>
        <button type="button" onClick={close}>
          Close
        </button>
      </aside>
    );
  if (!detail)
    return (
      <aside className="order-detail" aria-label="Order detail" aria-busy="true">
        <p className="muted">Loading…</p>
      </aside>
    );

  const order = detail;
  const unknown = isOutcomeUnknown(order);
  const tone = statusTone(order);
  const open = (referenceId: string) => void useOrders.getState().openOrder({ referenceId });
  return (
    <aside className="order-detail" aria-label="Order detail" data-tone={tone}>
      <header className="order-detail__header">
        <h2>
          {order.brandName ?? order.brandId ?? 'Order'} · {formatPaise(order.amountPaise)}
        </h2>
        <button type="button" className="order-detail__close" aria-label="Close order detail" onClick={close}>
          ×
        </button>
      </header>
      <p className={`order-detail__status order-status--${tone}`} role="status" aria-live="polite" aria-atomic="true">
        <strong data-testid="order-status">{statusLabel(order)}</strong>{' '}
        <span>{unknown ? UNKNOWN_OUTCOME_TEXT : statusWords(order.status)}</span>
      </p>
      {order.processingSince !== null && order.status === 'PROCESSING' && !unknown && (
        <p className={order.stuck ? 'order-unknown' : 'muted'} role="note" aria-label="Processing time">
          <ProcessingFor since={order.processingSince} />
          {order.stuck &&
            ' — longer than this profile allows, so it is flagged stuck. The console keeps checking; if it stays so, ask Hubble support with its order ID.'}
        </p>
      )}
      {unknown && (
        <p className="order-unknown" role="note">
          The order was sent but its answer was lost. The console asks Hubble by referenceId (
          <span className="mono">{order.referenceId}</span>) until it knows: if Hubble has it, it is adopted; if not,
          the identical request is sent again with the same referenceId, so it can never be issued twice.
        </p>
      )}
      <dl className="facts order-detail__facts">
        <dt>Order ID</dt>
        <dd className="mono" data-testid="order-id">
          {order.orderId ?? <span className="muted">none yet</span>}
        </dd>
        <dt>Reference ID</dt>
        <dd className="mono" data-testid="order-reference-id">
          {order.referenceId ?? '—'}
        </dd>
        <dt>Brand</dt>
        <dd>
          {order.brandName ?? '—'} <span className="mono muted">{order.brandId}</span>
        </dd>
        <dt>Amount</dt>
        <dd className="order-amount">{formatPaise(order.amountPaise)}</dd>
        {order.denominations && (
          <>
            <dt>Denominations</dt>
            <dd>
              {order.denominations
                .map((line) => `${line.quantity} × ${formatPaise(line.denominationPaise)}`)
                .join(', ')}
            </dd>
          </>
        )}
        <dt>Vouchers</dt>
        <dd>
          {vouchersText(order.voucherIds.length)}{' '}
          <span className="muted">(card numbers and PINs are never stored)</span>
        </dd>
        {order.customer && (
          <>
            <dt>Customer</dt>
            <dd>
              {[order.customer.name, order.customer.phoneNumber, order.customer.email].filter(Boolean).join(' · ')}
            </dd>
          </>
        )}
        <dt>Source</dt>
        <dd>
          {SOURCE_LABELS[order.source]}
          {order.origin && (
            <>
              {' · '}from {order.origin.operator}’s console (team mode; it watches and retries this order)
            </>
          )}
        </dd>
        {order.batchId && (
          <>
            <dt>Batch</dt>
            <dd className="mono">{order.batchId}</dd>
          </>
        )}
        {order.retryOf && (
          <>
            <dt>Retry of</dt>
            <dd>
              <button type="button" className="link-button mono" onClick={() => open(order.retryOf!)}>
                {order.retryOf}
              </button>
            </dd>
          </>
        )}
        {order.retriedBy && (
          <>
            <dt>Retried as</dt>
            <dd>
              <button type="button" className="link-button mono" onClick={() => open(order.retriedBy!)}>
                {order.retriedBy}
              </button>
            </dd>
          </>
        )}
        <dt>Created ({timeZoneLabel(order.createdAt)})</dt>
        <dd>
          <DateTime at={order.createdAt} />
        </dd>
        <dt>Updated</dt>
        <dd>
          <DateTime at={order.updatedAt} />
        </dd>
      </dl>
      <div className="order-detail__actions" role="group" aria-label="Order actions">
        {order.orderId && <CopyButton label="Copy order ID" text={order.orderId} />}
        {order.referenceId && <CopyButton label="Copy reference ID" text={order.referenceId} />}
        <BundleActions order={order} />
        {!unknown && (
          <button type="button" disabled={checking} onClick={() => void useOrders.getState().checkWithHubble()}>
            {checking ? 'Checking with Hubble…' : 'Check status with Hubble'}
          </button>
        )}
        {unknown && (
          <button type="button" disabled={checking} onClick={() => void useOrders.getState().checkWithHubble()}>
            {checking ? 'Resolving…' : 'Resolve now by referenceId'}
          </button>
        )}
      </div>
      {detailError && (
        <p className="form-error" role="alert">
          {detailError}
        </p>
      )}
      <Failure order={order} />
      {isRetryable(order) && <RetryForm key={order.referenceId} order={order} />}
      {order.voucherIds.length > 0 && keyOf(order) && (
        <VoucherReveal
          key={order.referenceId ?? order.orderId}
          orderKey={keyOf(order)!}
          vouchers={order.voucherIds.length}
        />
      )}
      <Timeline order={order} />
      <Calls order={order} />
    </aside>
  );
}
