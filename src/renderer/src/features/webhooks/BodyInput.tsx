import { useState, type DragEvent } from 'react';
import { useWebhooks } from './webhooks-store.ts';
import { bytesText } from './visible-text.ts';

/**
 * The raw body. Pasting goes through a text box (browsers turn CRLF into LF there); a dropped or chosen file
 * is read as an ArrayBuffer and sent to main as base64, so every byte, a BOM and CRLF included, survives.
 */
export function BodyInput() {
  const body = useWebhooks((state) => state.body);
  const setText = useWebhooks((state) => state.setText);
  const setFile = useWebhooks((state) => state.setFile);
  const clearFile = useWebhooks((state) => state.clearFile);
  const [dragging, setDragging] = useState(false);

  const readFile = async (file: File | undefined) => {
    if (file) setFile(file.name, await file.arrayBuffer());
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    void readFile(event.dataTransfer.files[0]);
  };

  return (
    <div
      className={`wh-body${dragging ? ' wh-body--dragging' : ''}`}
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      {body.kind === 'file' ? (
        <div className="wh-file" role="group" aria-label="Body file in use">
          <p>
            Verifying the exact {bytesText(body.bytes)} of <strong className="mono">{body.name}</strong>.{' '}
            <button type="button" onClick={clearFile}>
              Edit as text instead
            </button>
          </p>
          <pre className="wh-file__preview mono" aria-label="File preview">
            {body.preview}
          </pre>
        </div>
      ) : (
        <label className="wh-field">
          Raw body
          <textarea
            className="mono"
            rows={12}
            spellCheck={false}
            value={body.text}
            placeholder="Paste the request body exactly as received, or drop the file here."
            onChange={(event) => setText(event.target.value)}
          />
        </label>
      )}
      <p className="wh-drop muted">
        Drop a file anywhere here to keep its exact bytes, or{' '}
        <label className="wh-file-pick">
          choose a file
          <input
            type="file"
            aria-label="Body file"
            onChange={(event) => {
              void readFile(event.target.files?.[0]);
              event.target.value = '';
            }}
          />
        </label>
        .
      </p>
    </div>
  );
}
