/** "POST /v1/partners/orders" → "POST …/orders": the axis has room for the part that tells endpoints apart. */
export const shortEndpoint = (endpoint: string) => endpoint.replace(/\/v\d+\/partners/, ' …');
