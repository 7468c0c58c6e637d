/** Copies text with the browser's clipboard API (no Node, no Electron in the renderer). */
export async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
