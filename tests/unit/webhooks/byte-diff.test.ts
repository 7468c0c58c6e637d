import { describe, expect, it } from 'vitest';
import { diffBodies } from '../../../src/main/areas/webhooks/byte-diff.ts';
import type { ByteDiff } from '../../../src/shared/webhooks/byte-diff.ts';

const labels = { left: 'yours', right: 'signed' };
const side = (diff: ByteDiff, which: 'left' | 'right') =>
  diff.segments
    .filter((segment) => segment.op === 'equal' || segment.op === (which === 'left' ? 'removed' : 'added'))
    .map((segment) => segment.text)
    .join('');

describe('byte diff', () => {
  it('rebuilds both sides from its segments and counts bytes', () => {
    const left = '{"a": 1,\n "name": "Café"}';
    const right = '{"a":1,"name":"Caf\\u00e9","z":true}';
    const diff = diffBodies(Buffer.from(left), Buffer.from(right), labels);
    expect(side(diff, 'left')).toBe(left);
    expect(side(diff, 'right')).toBe(right);
    expect(diff.leftBytes).toBe(Buffer.byteLength(left));
    expect(diff.rightBytes).toBe(Buffer.byteLength(right));
    expect(diff.firstDifferenceAt).toBe(5);
    expect(diff.approximate).toBe(false);
    const removed = diff.segments
      .filter((segment) => segment.op === 'removed')
      .reduce((sum, segment) => sum + segment.bytes, 0);
    expect(removed).toBe(diff.removedBytes);
  });

  it('never splits a multi-byte character and shows short changes in hex', () => {
    const diff = diffBodies(Buffer.from('"é"'), Buffer.from('"ê"'), labels);
    expect(diff.segments.filter((segment) => segment.op !== 'equal')).toEqual([
      expect.objectContaining({ op: 'removed', text: 'é', bytes: 2, hex: 'c3 a9' }),
      expect.objectContaining({ op: 'added', text: 'ê', bytes: 2, hex: 'c3 aa' }),
    ]);
  });

  it('masks card numbers and PINs on both sides before comparing', () => {
    const left = '{"cardNumber":"5333644476668777","cardPin":"123456"}';
    const right = '{"cardNumber": "5333644476668777", "cardPin": "123456"}';
    const diff = diffBodies(Buffer.from(left), Buffer.from(right), labels);
    const all = JSON.stringify(diff);
    expect(all).not.toContain('5333644476668777');
    expect(all).not.toContain('123456');
    expect(side(diff, 'left')).toBe('{"cardNumber":"************8777","cardPin":"******"}');
  });

  it('elides long unchanged runs', () => {
    const body = 'x'.repeat(5000);
    const diff = diffBodies(Buffer.from(`${body}A`), Buffer.from(`${body}B`), labels);
    expect(diff.segments.find((segment) => segment.elidedBytes > 0)?.elidedBytes).toBe(5000 - 96);
    expect(JSON.stringify(diff).length).toBeLessThan(1000);
  });

  it('falls back to one changed block when the bodies are too different to align', () => {
    const a = Buffer.from(Array.from({ length: 6000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(''));
    const b = Buffer.from(Array.from({ length: 6000 }, (_, i) => String.fromCharCode(65 + ((i * 7) % 26))).join(''));
    const diff = diffBodies(a, b, labels);
    expect(diff.approximate).toBe(true);
    expect(diff.removedBytes).toBe(6000);
    expect(diff.addedBytes).toBe(6000);
  });

  it('works byte by byte on invalid UTF-8', () => {
    const diff = diffBodies(Buffer.from([0xff, 0x41]), Buffer.from([0xff, 0x41, 0x0a]), labels);
    expect(diff.segments.at(-1)).toMatchObject({ op: 'added', bytes: 1, hex: '0a' });
  });
});
