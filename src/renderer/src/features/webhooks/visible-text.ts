// How bytes that matter for a signature but are invisible on screen are drawn in the diff.

const CHANGED: Record<string, string> = { ' ': '·', '\t': '→', '\r': '[CR]', '\n': '↵\n', '\uFEFF': '[BOM]' };
const UNCHANGED: Record<string, string> = { '\r': '[CR]', '\uFEFF': '[BOM]' };

/** A removed or added run: every space, tab, CR, LF and BOM gets a visible mark. */
export const visibleChanged = (text: string) => text.replace(/[ \t\r\n\uFEFF]/g, (char) => CHANGED[char] ?? char);

/** An unchanged run: line breaks stay line breaks; only a CR or a BOM, which would be invisible, is marked. */
export const visibleUnchanged = (text: string) => text.replace(/[\r\uFEFF]/g, (char) => UNCHANGED[char] ?? char);

export const bytesText = (bytes: number) => `${bytes.toLocaleString('en')} byte${bytes === 1 ? '' : 's'}`;
