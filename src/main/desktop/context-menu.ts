import type { MenuItemSpec } from './menu-template.ts';

/** What Electron's webContents 'context-menu' event says about the click (the subset the console uses). */
export interface ContextMenuParams {
  selectionText: string;
  isEditable: boolean;
  editFlags: { canCut: boolean; canCopy: boolean; canPaste: boolean; canSelectAll: boolean };
}

export type IdentifierKind = 'X-REQUEST-ID' | 'Hubble ID' | 'identifier';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ULID = /^[0-9A-HJKMNP-TV-Z]{26}$/i;
const REFERENCE_LIKE = /^[A-Za-z0-9._:-]{6,100}$/;

/** What a selected word is, so the menu can say "Copy X-REQUEST-ID …" (what support asks for). */
export function identifierKindOf(text: string): IdentifierKind | null {
  const value = text.trim();
  if (UUID.test(value)) return 'X-REQUEST-ID';
  if (ULID.test(value)) return 'Hubble ID';
  if (REFERENCE_LIKE.test(value) && /\d/.test(value)) return 'identifier';
  return null;
}

/** One context-menu item: a role, or "copy exactly this text" (the thin file writes it to the clipboard). */
export type ContextMenuItem = MenuItemSpec & { copyText?: string };

const shorten = (value: string) => (value.length > 48 ? `${value.slice(0, 22)}…${value.slice(-22)}` : value);

/**
 * The right-click menu: Copy on an identifier names what it copies (trimmed of the spaces a double-click picks
 * up); editable fields get cut/copy/paste as their flags allow; anything else selected gets plain Copy.
 */
export function contextMenuFor(params: ContextMenuParams): ContextMenuItem[] {
  const selection = params.selectionText.trim();
  const kind = selection ? identifierKindOf(selection) : null;
  const items: ContextMenuItem[] = [];
  if (kind) items.push({ label: `Copy ${kind} ${shorten(selection)}`, copyText: selection });
  if (params.isEditable) {
    items.push(
      { role: 'cut', label: 'Cut' },
      { role: 'copy', label: 'Copy' },
      { role: 'paste', label: 'Paste' },
      { type: 'separator' },
      { role: 'selectAll', label: 'Select All' },
    );
    return items.filter((item) =>
      item.role === 'cut'
        ? params.editFlags.canCut
        : item.role === 'copy'
          ? params.editFlags.canCopy && !kind
          : item.role === 'paste'
            ? params.editFlags.canPaste
            : item.role === 'selectAll'
              ? params.editFlags.canSelectAll
              : true,
    );
  }
  if (selection && !kind) items.push({ role: 'copy', label: 'Copy' });
  return items;
}
