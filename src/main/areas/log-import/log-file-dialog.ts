/** What the open-file dialog is asked: plain data, so the Electron side stays a thin call. */
export interface LogFileDialogRequest {
  title: string;
  filters: Array<{ name: string; extensions: string[] }>;
}

/** The desktop's open-file dialog: the chosen file's absolute path, or null when the operator cancels. */
export type OpenLogFileDialog = (request: LogFileDialogRequest) => Promise<string | null>;

export const LOG_FILE_DIALOG: LogFileDialogRequest = {
  title: 'Choose the log of Hubble calls to import',
  filters: [
    { name: 'Call logs (JSON lines, CSV)', extensions: ['jsonl', 'ndjson', 'json', 'log', 'csv', 'txt'] },
    { name: 'All files', extensions: ['*'] },
  ],
};
