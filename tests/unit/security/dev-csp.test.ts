import { createServer, type ViteDevServer } from 'vite';
import { afterEach, describe, expect, it } from 'vitest';
import config from '../../../electron.vite.config.ts';
import { devRendererCsp, RENDERER_CSP } from '../../../src/main/security/csp.ts';

let server: ViteDevServer | undefined;
afterEach(async () => server?.close());

type RendererConfig = { html: { cspNonce: string }; server: { headers: Record<string, string> } };

describe('npm run dev serves the renderer under the CSP', () => {
  it('adds only a per-run nonce to the packaged policy', () => {
    expect(devRendererCsp('abc')).toBe(
      RENDERER_CSP.replace("script-src 'self'", "script-src 'self' 'nonce-abc'").replace(
        "style-src 'self'",
        "style-src 'self' 'nonce-abc'",
      ),
    );
    expect(devRendererCsp('abc')).not.toMatch(/unsafe-inline|unsafe-eval/);
  });

  it("Vite's dev server sends the header and stamps the nonce on every script it writes, the React preamble included", async () => {
    const renderer = (config as unknown as { renderer: RendererConfig & Record<string, unknown> }).renderer;
    const nonce = renderer.html.cspNonce;
    expect(nonce).toMatch(/^[A-Za-z0-9+/=]{16,}$/);
    server = await createServer({
      ...renderer,
      configFile: false,
      logLevel: 'silent',
      server: { ...renderer.server, host: '127.0.0.1', port: 0, strictPort: false, hmr: false },
    });
    await server.listen();
    const address = server.httpServer!.address() as { port: number };
    const response = await fetch(`http://127.0.0.1:${address.port}/`);
    expect(response.headers.get('content-security-policy')).toBe(devRendererCsp(nonce));
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);
  });
});
