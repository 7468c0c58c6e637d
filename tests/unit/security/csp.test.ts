import { describe, expect, it } from 'vitest';
import { RENDERER_CSP } from '../../../src/main/security/csp.ts';

const directives = new Map(
  RENDERER_CSP.split(';').map((part) => {
    const [name, ...values] = part.trim().split(/\s+/);
    return [name!, values] as const;
  }),
);

describe('renderer CSP', () => {
  it('defaults to nothing and allows scripts only from our own origin', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('has no unsafe-eval, no unsafe-inline and no remote source anywhere', () => {
    expect(RENDERER_CSP).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*|wss?:/);
  });

  it('gives the renderer no network beyond its own origin', () => {
    expect(directives.get('connect-src')).toEqual(["'self'"]);
  });
});
