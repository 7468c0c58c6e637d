import type { BatchReport } from '../../../../shared/contract/orders.ts';
import { formatPaise } from '../../components/money.ts';

/** The dry run: totals, the wallet check (E300 predicted before it happens), and every refused row by line. */
export function BatchReportView({ report }: { report: BatchReport }) {
  const wallet = report.wallet;
  return (
    <section className="batch-report" aria-labelledby="batch-report-title">
      <h3 id="batch-report-title">Dry run</h3>
      <p data-testid="batch-totals">
        {report.rows} rows: <strong>{report.validRows} valid</strong>
        {report.invalidRows > 0 && <span className="order-status--failed">, {report.invalidRows} refused</span>} ·{' '}
        {formatPaise(report.totalPaise)} in {report.vouchers} {report.vouchers === 1 ? 'voucher' : 'vouchers'}
      </p>
      <p
        className={wallet.predictedE300 ? 'order-failure' : wallet.checked ? 'order-status--ok' : 'muted'}
        role={wallet.predictedE300 ? 'alert' : undefined}
        aria-label="Wallet check"
      >
        {wallet.predictedE300 && <strong className="mono">E300 </strong>}
        {wallet.message}
      </p>
      {report.brands.length > 0 && (
        <table className="batch-table" aria-label="Totals by brand">
          <thead>
            <tr>
              <th scope="col">Brand</th>
              <th scope="col">Rows</th>
              <th scope="col" className="order-amount">
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {report.brands.map((brand) => (
              <tr key={brand.brandId}>
                <td>{brand.brandName}</td>
                <td>{brand.rows}</td>
                <td className="order-amount">{formatPaise(brand.totalPaise)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.ignoredColumns.length > 0 && (
        <p className="muted">Columns ignored (not known): {report.ignoredColumns.join(', ')}</p>
      )}
      {report.badRows.length > 0 && (
        <table className="batch-table" aria-label="Refused rows">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">Brand</th>
              <th scope="col" className="order-amount">
                Amount
              </th>
              <th scope="col">Why</th>
            </tr>
          </thead>
          <tbody>
            {report.badRows.map((row) => (
              <tr key={row.line}>
                <td>{row.line}</td>
                <td>{row.brandName ?? row.brandId ?? '—'}</td>
                <td className="order-amount">{formatPaise(row.amountPaise)}</td>
                <td>
                  {row.issues.map((issue, index) => (
                    <span key={index} className="batch-issue">
                      {issue.id && <span className="order-issues__id mono">{issue.id} </span>}
                      {issue.message}
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.warnedRows.length > 0 && (
        <ul className="muted" aria-label="Warnings">
          {report.warnedRows.flatMap((row) =>
            row.warnings.map((warning, index) => (
              <li key={`${row.line}-${index}`}>
                Line {row.line}: {warning}
              </li>
            )),
          )}
        </ul>
      )}
    </section>
  );
}
