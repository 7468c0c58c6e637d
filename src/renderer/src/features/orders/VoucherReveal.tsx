import { useEffect, useState } from 'react';
import type { OrderKey } from '../../../../shared/contract/orders.ts';
import type { AppErrorShape } from '../../../../shared/contract/result.ts';
import { CopyButton } from '../../components/CopyButton.tsx';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { formatPaise } from '../../components/money.ts';
import { useOrders, type RevealedVouchers } from './orders-store.ts';

/** How long revealed cards stay on screen before they are dropped (not just hidden) from memory. */
export const REVEAL_SECONDS = 60;

/** "•••• •••• •••• 4821": a card number shows only its last four digits until the operator asks. */
export const maskCardNumber = (value: string) => `•••• •••• •••• ${value.slice(-4)}`;
const maskPin = (value: string) => '•'.repeat(Math.max(4, value.length));

function SecretField({ label, value, mask }: { label: string; value: string | null; mask(value: string): string }) {
  const [shown, setShown] = useState(false);
  if (value === null) return null;
  return (
    <div className="voucher-field">
      <span className="muted">{label}</span>
      <span className="mono" aria-label={label}>
        {shown ? value : mask(value)}
      </span>
      <button type="button" aria-pressed={shown} onClick={() => setShown(!shown)}>
        {shown ? `Hide ${label.toLowerCase()}` : `Show ${label.toLowerCase()}`}
      </button>
      <CopyButton label={`Copy ${label.toLowerCase()}`} text={value} />
    </div>
  );
}

/**
 * Card numbers and PINs: fetched from Hubble only when the operator asks (main audits each reveal), masked by
 * default, one field shown or copied at a time, and dropped again after REVEAL_SECONDS. Never stored anywhere.
 */
export function VoucherReveal({ orderKey, vouchers }: { orderKey: OrderKey; vouchers: number }) {
  const [revealed, setRevealed] = useState<RevealedVouchers | null>(null);
  const [left, setLeft] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AppErrorShape | null>(null);

  useEffect(() => {
    if (!revealed) return;
    const hide = setTimeout(() => setRevealed(null), REVEAL_SECONDS * 1000);
    const tick = setInterval(() => setLeft((seconds) => Math.max(0, seconds - 1)), 1000);
    return () => {
      clearTimeout(hide);
      clearInterval(tick);
    };
  }, [revealed]);

  const reveal = async () => {
    setBusy(true);
    setError(null);
    const result = await useOrders.getState().revealVouchers(orderKey);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setRevealed(result.value);
    setLeft(REVEAL_SECONDS);
  };

  return (
    <section className="voucher-reveal" aria-labelledby="voucher-reveal-title">
      <h3 id="voucher-reveal-title">Cards</h3>
      {!revealed ? (
        <>
          <p className="muted">
            {vouchers} {vouchers === 1 ? 'card' : 'cards'}. Numbers and PINs are never stored: revealing fetches them
            from Hubble and is recorded in the audit log.
          </p>
          <button type="button" disabled={busy} onClick={() => void reveal()}>
            {busy ? 'Fetching from Hubble…' : 'Reveal cards (audited)'}
          </button>
        </>
      ) : (
        <>
          <p role="status">
            Hidden again in {left} s{' '}
            <button type="button" onClick={() => setRevealed(null)}>
              Hide now
            </button>
          </p>
          {revealed.vouchers.length === 0 && <p className="muted">Hubble lists no cards for this order now.</p>}
          <ul className="voucher-list" aria-label="Revealed cards">
            {revealed.vouchers.map((voucher) => (
              <li key={voucher.id}>
                <p>
                  {formatPaise(voucher.amountPaise)} {voucher.cardType ?? ''}
                  {voucher.validTill && <span className="muted"> · valid till {voucher.validTill}</span>}
                </p>
                <SecretField label="Card number" value={voucher.cardNumber} mask={maskCardNumber} />
                <SecretField label="PIN" value={voucher.cardPin} mask={maskPin} />
              </li>
            ))}
          </ul>
        </>
      )}
      <OperationErrorMessage error={error} />
    </section>
  );
}
