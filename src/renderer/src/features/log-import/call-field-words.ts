import type { CallField } from '../../../../shared/contract/logImport.ts';

/** The call fields in the order the mapping editor lists them; the first three are required for a row. */
export const CALL_FIELDS: readonly { field: CallField; label: string; required?: true }[] = [
  { field: 'timestamp', label: 'Timestamp', required: true },
  { field: 'method', label: 'HTTP method', required: true },
  { field: 'path', label: 'Path or URL', required: true },
  { field: 'status', label: 'HTTP status' },
  { field: 'latencyMs', label: 'Latency (ms)' },
  { field: 'requestId', label: 'X-REQUEST-ID' },
  { field: 'orderId', label: 'Order ID' },
  { field: 'referenceId', label: 'referenceId' },
  { field: 'errorId', label: 'Error id' },
  { field: 'errorCode', label: 'Error code' },
  { field: 'amount', label: 'Amount' },
  { field: 'brand', label: 'Brand' },
  { field: 'requestBody', label: 'Request body' },
  { field: 'responseBody', label: 'Response body' },
];
