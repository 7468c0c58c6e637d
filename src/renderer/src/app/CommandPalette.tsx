import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { IdentifierKind, IdentifierResolution } from '../../../shared/contract/calls.ts';
import { hubble } from '../hubble.ts';
import { useCalls } from '../features/calls/calls-store.ts';
import { useNavigation } from './navigation-store.ts';
import { areas, type AreaId } from './areas.ts';

type Entry =
  | {
      type: 'identifier';
      id: string;
      label: string;
      hint: string;
      match: IdentifierResolution['matches'][number];
      value: string;
    }
  | { type: 'area'; id: string; label: string; hint: string; area: AreaId };

const KIND_LABELS: Record<IdentifierKind, string> = {
  'request-id': 'X-REQUEST-ID',
  'order-id': 'Order ID',
  'reference-id': 'Reference ID',
};
const LOOKS_LIKE: Record<IdentifierResolution['looksLike'], string> = {
  uuid: 'Looks like an X-REQUEST-ID, but this profile has no call with it (another profile?).',
  ulid: 'Looks like a Hubble id, but no call of this profile carries it.',
  other: 'No call of this profile carries this id.',
};

/**
 * Ctrl/Cmd+K: paste any identifier from a ticket (X-REQUEST-ID, orderId, referenceId) and land on what it
 * names; main says which it is. Typing a word also offers the areas of the console.
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [resolution, setResolution] = useState<{ query: string; answer: IdentifierResolution } | null>(null);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        setOpen((was) => {
          if (!was) returnFocus.current = document.activeElement as HTMLElement | null;
          return !was;
        });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    if (open) input.current?.focus();
  }, [open]);

  useEffect(() => {
    const value = text.trim();
    if (!open || value.length < 3) return;
    let live = true;
    const timer = setTimeout(() => {
      void hubble()
        .calls.resolveIdentifier({ value })
        .then((result) => {
          if (live && result.ok) setResolution({ query: value, answer: result.value });
        });
    }, 120);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, open]);

  const close = () => {
    setOpen(false);
    setText('');
    setResolution(null);
    setActive(0);
    returnFocus.current?.focus?.();
  };

  const query = text.trim();
  const current = resolution && resolution.query === query ? resolution.answer : null;
  const entries: Entry[] = [
    ...(current?.matches.map((match) => ({
      type: 'identifier' as const,
      id: `${match.kind}`,
      label: `${KIND_LABELS[match.kind]} ${current.value}`,
      hint: `${match.calls} ${match.calls === 1 ? 'call' : 'calls'}, newest ${new Date(match.at).toLocaleString()}`,
      match,
      value: current.value,
    })) ?? []),
    ...areas
      .filter((area) => query && area.label.toLowerCase().includes(query.toLowerCase()))
      .map((area) => ({
        type: 'area' as const,
        id: `area-${area.id}`,
        label: `Go to ${area.label}`,
        hint: area.purpose,
        area: area.id,
      })),
  ];

  const run = (entry: Entry | undefined) => {
    if (!entry) return;
    close();
    useNavigation.getState().goTo(entry.type === 'area' ? entry.area : 'calls');
    if (entry.type === 'identifier') void useCalls.getState().open(entry.match, entry.value);
  };

  // Paste then Enter at once: do not wait for the debounced lookup, ask now and go to the first match.
  const resolveNow = async (value: string) => {
    const result = await hubble().calls.resolveIdentifier({ value });
    if (!result.ok) return;
    setResolution({ query: value, answer: result.value });
    const [match] = result.value.matches;
    if (match) run({ type: 'identifier', id: match.kind, label: '', hint: '', match, value: result.value.value });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (entries.length)
        setActive((index) => (index + (event.key === 'ArrowDown' ? 1 : -1) + entries.length) % entries.length);
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (entries.length || current) run(entries[Math.min(active, entries.length - 1)]);
      else if (query.length >= 3) void resolveNow(query);
    }
  };

  if (!open) return null;
  return (
    <div className="palette-backdrop" onMouseDown={(event) => event.target === event.currentTarget && close()}>
      <div className="palette" role="dialog" aria-modal="true" aria-label="Go to anything" onKeyDown={onKeyDown}>
        <input
          ref={input}
          className="palette__input mono"
          role="combobox"
          aria-expanded={entries.length > 0}
          aria-controls="palette-results"
          aria-activedescendant={entries[active] ? `palette-${entries[active].id}` : undefined}
          aria-label="Paste an X-REQUEST-ID, order ID or reference ID"
          placeholder="Paste an X-REQUEST-ID, order ID or reference ID…"
          value={text}
          onChange={(event) => {
            setText(event.target.value);
            setActive(0);
          }}
        />
        <ul id="palette-results" role="listbox" className="palette__results" aria-label="Matches">
          {entries.map((entry, index) => (
            <li
              key={entry.id}
              id={`palette-${entry.id}`}
              role="option"
              aria-selected={index === active}
              onMouseEnter={() => setActive(index)}
              onClick={() => run(entry)}
            >
              <strong>{entry.label}</strong>
              <span className="muted">{entry.hint}</span>
            </li>
          ))}
        </ul>
        {current && current.matches.length === 0 && (
          <p className="palette__none" role="status">
            {LOOKS_LIKE[current.looksLike]}
          </p>
        )}
        <p className="palette__help muted">Enter opens · ↑↓ choose · Esc closes</p>
      </div>
    </div>
  );
}
