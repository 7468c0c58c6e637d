import { describe, expect, it } from 'vitest';
import { contextMenuFor, identifierKindOf } from '../../../src/main/desktop/context-menu.ts';

const flags = { canCut: true, canCopy: true, canPaste: true, canSelectAll: true };
const params = (selectionText: string, isEditable = false) => ({ selectionText, isEditable, editFlags: flags });

describe('context menu', () => {
  it('names what an identifier is', () => {
    expect(identifierKindOf('0f8e3c5e-1d2b-4c4a-9a57-5b6f1c2d3e4f')).toBe('X-REQUEST-ID');
    expect(identifierKindOf('01JPASTED0000000000000000A')).toBe('Hubble ID');
    expect(identifierKindOf('partner-ref-2025-77')).toBe('identifier');
    expect(identifierKindOf('hello world')).toBeNull();
    expect(identifierKindOf('Orders')).toBeNull();
  });

  it('offers Copy of exactly the identifier (without the spaces a double-click picks up)', () => {
    const [copy, ...rest] = contextMenuFor(params('  0f8e3c5e-1d2b-4c4a-9a57-5b6f1c2d3e4f\n'));
    expect(copy).toEqual({
      label: 'Copy X-REQUEST-ID 0f8e3c5e-1d2b-4c4a-9a57-5b6f1c2d3e4f',
      copyText: '0f8e3c5e-1d2b-4c4a-9a57-5b6f1c2d3e4f',
    });
    expect(rest).toEqual([]);
  });

  it('offers plain Copy for other text, and nothing with no selection', () => {
    expect(contextMenuFor(params('some words'))).toEqual([{ role: 'copy', label: 'Copy' }]);
    expect(contextMenuFor(params(''))).toEqual([]);
  });

  it('in a field offers cut, copy, paste and select all as the field allows', () => {
    const items = contextMenuFor({ selectionText: '', isEditable: true, editFlags: { ...flags, canCut: false } });
    expect(items.map((item) => item.role ?? item.type)).toEqual(['copy', 'paste', 'separator', 'selectAll']);
  });
});
