/** A control path such as `/__sim/orders/:orderId/settle`, compiled once for matching. */
export interface PathTemplate {
  pattern: RegExp;
  names: string[];
}

const PARAM = /:(\w+)/g;

export function compilePath(path: string): PathTemplate {
  const names: string[] = [];
  const source = path
    .split(PARAM)
    .map((part, index) => {
      if (index % 2 === 1) {
        names.push(part);
        return '([^/]+?)';
      }
      return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return { pattern: new RegExp(`^${source}$`), names };
}

/** The parameters of a path that matches, percent-decoded (a malformed escape throws URIError). */
export function matchPath(template: PathTemplate, path: string): Record<string, string> | undefined {
  const match = template.pattern.exec(path);
  if (!match) return undefined;
  return Object.fromEntries(template.names.map((name, index) => [name, decodeURIComponent(match[index + 1]!)]));
}

export function fillPath(path: string, params: Record<string, string> | undefined): string {
  return path.replace(PARAM, (_whole, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name} for ${path}`);
    return encodeURIComponent(value);
  });
}
