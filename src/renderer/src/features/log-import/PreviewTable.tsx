import { DateTime } from '../../components/DateTime.tsx';
import { timeZoneLabel } from '../../components/format-time.ts';
import { useLogImport } from './log-import-store.ts';

/** The first rows as they would be stored, or the reasons a row would be rejected, by the file's line numbers. */
export function PreviewTable() {
  const preview = useLogImport((state) => state.preview);
  if (!preview) return null;
  const bad = preview.rows.filter((row) => row.call === null).length;
  return (
    <div className="li-preview">
      <p role="status" aria-label="Preview summary">
        {preview.rows.length} row{preview.rows.length === 1 ? '' : 's'} previewed
        {bad > 0 ? `, ${bad} would be rejected` : ', all valid'}.
      </p>
      <div className="li-preview__scroll">
        <table aria-label="Preview">
          <thead>
            <tr>
              <th scope="col">Line</th>
              <th scope="col">When ({timeZoneLabel()})</th>
              <th scope="col">Method</th>
              <th scope="col">Path</th>
              <th scope="col" className="num">
                Status
              </th>
              <th scope="col" className="num">
                Latency
              </th>
              <th scope="col">X-REQUEST-ID</th>
              <th scope="col">Order ID</th>
              <th scope="col">referenceId</th>
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row) =>
              row.call ? (
                <tr key={row.line}>
                  <td className="num">{row.line}</td>
                  <td>
                    <DateTime at={row.call.at} />
                  </td>
                  <td className="mono">{row.call.method}</td>
                  <td className="mono">{row.call.path}</td>
                  <td className="num">{row.call.status ?? '—'}</td>
                  <td className="num">{row.call.latencyMs === null ? '—' : `${row.call.latencyMs} ms`}</td>
                  <td className="mono">{row.call.requestId}</td>
                  <td className="mono">{row.call.orderId ?? ''}</td>
                  <td className="mono">{row.call.referenceId ?? ''}</td>
                </tr>
              ) : (
                <tr key={row.line} className="li-bad">
                  <td className="num">{row.line}</td>
                  <td colSpan={8}>Rejected: {row.reasons.join('; ')}</td>
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
