/**
 * Prints an HTML document to PDF. In the desktop app it is Electron's `webContents.printToPDF` in a thin file of
 * src/main/electron (the lead wires it); the browser harness has none, and the renderer prints its report view
 * with the browser's own print instead.
 */
export type PrintToPdf = (html: string) => Promise<Uint8Array>;
