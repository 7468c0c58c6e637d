const TEMPLATES: ReadonlyArray<[RegExp, string]> = [
  [/^\/v1\/partners\/products\/[^/]+$/, '/v1/partners/products/:productId'],
  [/^\/v1\/partners\/orders\/by-reference\/[^/]+$/, '/v1/partners/orders/by-reference/:referenceId'],
  [/^\/v1\/partners\/orders\/vouchers\/[^/]+$/, '/v1/partners/orders/vouchers/:voucherId'],
  [/^\/v1\/partners\/orders\/(?!by-reference$|vouchers$)[^/]+$/, '/v1/partners/orders/:orderId'],
];

/** The call log's endpoint key (`GET /v1/partners/orders/:orderId`), so imported calls group with the console's. */
export function endpointOf(method: string, path: string): string {
  const bare = path.split('?')[0]!;
  const template = TEMPLATES.find(([pattern]) => pattern.test(bare))?.[1];
  return `${method} ${template ?? bare.replace(/\/[0-9A-Z]{20,}(?=\/|$)/g, '/:id')}`;
}
