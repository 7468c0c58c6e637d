import { useLogImport } from './log-import-store.ts';
import { CALL_FIELDS } from './call-field-words.ts';

/** Which column (CSV) or field path (JSONL, `http.status`) holds each call field; saved per profile and format. */
export function MappingEditor() {
  const preview = useLogImport((state) => state.preview);
  const mapping = useLogImport((state) => state.mapping);
  const saved = useLogImport((state) => state.mappingSaved);
  const previewing = useLogImport((state) => state.previewing);
  if (!preview) return null;
  const listId = 'li-columns';
  return (
    <fieldset className="li-mapping">
      <legend>Column mapping ({preview.format === 'csv' ? 'CSV columns' : 'JSON field paths'})</legend>
      <datalist id={listId}>
        {preview.columns.map((column) => (
          <option key={column} value={column} />
        ))}
      </datalist>
      <div className="li-mapping__grid">
        {CALL_FIELDS.map(({ field, label, required }) => (
          <label key={field} className="wh-field">
            <span>
              {label}
              {required ? ' (required)' : ''}
            </span>
            <input
              className="mono"
              list={listId}
              value={mapping[field] ?? ''}
              spellCheck={false}
              placeholder="not mapped"
              onChange={(event) => useLogImport.getState().setField(field, event.target.value.trim())}
            />
          </label>
        ))}
      </div>
      <div className="li-mapping__actions">
        <button type="button" disabled={previewing} onClick={() => void useLogImport.getState().loadPreview()}>
          Preview with this mapping
        </button>
        <button type="button" disabled={saved} onClick={() => void useLogImport.getState().saveMapping()}>
          {saved ? 'Mapping saved for this profile' : 'Save mapping for this profile'}
        </button>
      </div>
    </fieldset>
  );
}
