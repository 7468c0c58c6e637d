import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../../src/main/security/static-path.ts';

const root = path.resolve('/srv/renderer');

describe('app:// and harness static paths', () => {
  it('maps / to index.html and plain paths inside the root', () => {
    expect(resolveStaticPath(root, '/')).toBe(path.join(root, 'index.html'));
    expect(resolveStaticPath(root, '/assets/index-1.js')).toBe(path.join(root, 'assets/index-1.js'));
    expect(resolveStaticPath(root, '/assets/a.js?v=1#x')).toBe(path.join(root, 'assets/a.js'));
  });

  it.each([
    '/../secret.txt',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/assets/..%5c..%5cwindows',
    '/assets\\..\\..\\x',
    '/%00index.html',
    '/%E0%A4%A', // malformed percent-encoding
  ])('rejects traversal attempt %s', (attempt) => {
    expect(resolveStaticPath(root, attempt)).toBeNull();
  });

  it('treats a sibling folder whose name starts like the root as outside', () => {
    expect(resolveStaticPath(root, '/../renderer-evil/x.js')).toBeNull();
  });
});
