import type { LineDraft } from './order-draft.ts';

/** Denomination (₹) × quantity lines; every control is labelled with its line number for screen readers. */
export function DenominationsEditor({ lines, onChange }: { lines: LineDraft[]; onChange(next: LineDraft[]): void }) {
  const update = (index: number, patch: Partial<LineDraft>) =>
    onChange(lines.map((line, at) => (at === index ? { ...line, ...patch } : line)));
  return (
    <fieldset className="order-form__lines">
      <legend>Denominations</legend>
      {lines.map((line, index) => (
        <div className="order-form__line" key={index} role="group" aria-label={`Line ${index + 1}`}>
          <label>
            <span className="orders-visually-hidden">Line {index + 1} </span>Denomination (₹)
            <input
              inputMode="decimal"
              className="order-amount-input"
              value={line.denomination}
              onChange={(event) => update(index, { denomination: event.target.value })}
            />
          </label>
          <span aria-hidden="true">×</span>
          <label>
            <span className="orders-visually-hidden">Line {index + 1} </span>Quantity
            <input
              inputMode="numeric"
              className="order-quantity-input"
              value={line.quantity}
              onChange={(event) => update(index, { quantity: event.target.value })}
            />
          </label>
          <button
            type="button"
            aria-label={`Remove line ${index + 1}`}
            onClick={() => onChange(lines.filter((_, at) => at !== index))}
          >
            Remove
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...lines, { denomination: '', quantity: '1' }])}>
        Add a denomination
      </button>
    </fieldset>
  );
}
