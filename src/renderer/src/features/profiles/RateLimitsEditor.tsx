import { newRateLimitDraft, type RateLimitDraft } from './profile-form-state.ts';

interface Props {
  limits: RateLimitDraft[];
  onChange(limits: RateLimitDraft[]): void;
}

/** The limits Hubble allocated to this partner (Go Live: partner- and brand-level, amount and count, per window). */
export function RateLimitsEditor({ limits, onChange }: Props) {
  const patch = (index: number, change: Partial<RateLimitDraft>) =>
    onChange(limits.map((limit, at) => (at === index ? { ...limit, ...change } : limit)));
  return (
    <fieldset className="rate-limits">
      <legend>Allocated rate limits</legend>
      <p className="muted">
        As agreed with Hubble, so usage can be watched before a limit is hit (E400 RATE_LIMIT_EXCEEDED).
      </p>
      {limits.length > 0 && (
        <table>
          <thead>
            <tr>
              <th>Level</th>
              <th>Brand (productId)</th>
              <th>Brand scope</th>
              <th>Type</th>
              <th>Window</th>
              <th>Limit</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {limits.map((limit, index) => {
              const row = `Rate limit ${index + 1}`;
              return (
                <tr key={index}>
                  <td>
                    <select
                      aria-label={`${row} level`}
                      value={limit.scope}
                      onChange={(event) => patch(index, { scope: event.target.value as RateLimitDraft['scope'] })}
                    >
                      <option value="partner">Partner</option>
                      <option value="brand">Brand</option>
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`${row} productId`}
                      placeholder="every brand"
                      disabled={limit.scope !== 'brand'}
                      value={limit.productId}
                      onChange={(event) => patch(index, { productId: event.target.value })}
                    />
                  </td>
                  <td>
                    <select
                      aria-label={`${row} brand scope`}
                      disabled={limit.scope !== 'brand'}
                      value={limit.brandScope}
                      onChange={(event) =>
                        patch(index, { brandScope: event.target.value as RateLimitDraft['brandScope'] })
                      }
                    >
                      <option value="global">Global</option>
                      <option value="per-customer">Per end-customer</option>
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`${row} type`}
                      value={limit.type}
                      onChange={(event) => patch(index, { type: event.target.value as RateLimitDraft['type'] })}
                    >
                      <option value="amount">Amount (₹)</option>
                      <option value="count">Count (orders)</option>
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label={`${row} window`}
                      value={limit.window}
                      onChange={(event) => patch(index, { window: event.target.value as RateLimitDraft['window'] })}
                    >
                      <option value="hourly">Hourly</option>
                      <option value="daily">Daily</option>
                      <option value="monthly">Monthly</option>
                    </select>
                  </td>
                  <td>
                    <input
                      aria-label={`${row} limit`}
                      inputMode="decimal"
                      value={limit.limit}
                      onChange={(event) => patch(index, { limit: event.target.value })}
                    />
                  </td>
                  <td>
                    <button type="button" onClick={() => onChange(limits.filter((_, at) => at !== index))}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => onChange([...limits, newRateLimitDraft()])}>
        Add a limit
      </button>
    </fieldset>
  );
}
