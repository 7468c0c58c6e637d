import { BrowserWindow, dialog, type OpenDialogOptions } from 'electron';

/** The native open-file dialog, modal to the focused window: the chosen file's path, or null when cancelled. */
export async function openFileDialog(request: {
  title: string;
  filters: Array<{ name: string; extensions: string[] }>;
}): Promise<string | null> {
  const options: OpenDialogOptions = { title: request.title, filters: request.filters, properties: ['openFile'] };
  const window = BrowserWindow.getFocusedWindow();
  const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  return result.canceled ? null : (result.filePaths[0] ?? null);
}
