import { useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import type { IdentifierKind, IdentifierResolution } from '../../../shared/contract/calls.ts';
import type { OrderSummary } from '../../../shared/contract/orders.ts';
import { formatDateTime, timeZoneLabel } from '../components/format-time.ts';
import { useCalls } from '../features/calls/calls-store.ts';
import { formatPaise } from '../components/money.ts';
import { statusLabel } from '../features/orders/order-status.ts';
import { keyOf, useOrders } from '../features/orders/orders-store.ts';
import { useProfiles } from '../features/profiles/profiles-store.ts';
import { paletteCommands, type PaletteCommand } from './commands.ts';
import { rankByFuzzy } from './fuzzy-match.ts';
import { useNavigation } from './navigation-store.ts';
import { usePalette } from './palette-store.ts';

type Entry =
  | {
      type: 'identifier';
      id: string;
      label: string;
      hint: string;
      match: IdentifierResolution['matches'][number];
      value: string;
    }
  | { type: 'order'; id: string; label: string; hint: string; order: OrderSummary }
  | { type: 'order-lookup'; id: string; label: string; hint: string; value: string }
  | { type: 'command'; id: string; label: string; hint: string; command: PaletteCommand; recent: boolean };

/** Worth a live lookup: one word of 8+ characters with a digit (Hubble ids are ULIDs; referenceIds are the partner's). */
const looksLikeOrderIdentifier = (value: string) => /^\S{8,}$/.test(value) && /\d/.test(value);

const commandEntry = (command: PaletteCommand, recent: boolean): Entry => ({
  type: 'command',
  id: `cmd-${command.id}`,
  label: command.label,
  hint: recent ? `Recent · ${command.hint}` : command.hint,
  command,
  recent,
});

/**
 * The commands for `query`: with nothing typed, the recent ones first and then every command; otherwise the
 * fuzzy matches, best first, with not-built ones last. A pasted identifier is not a command search.
 */
function commandEntries(query: string, commands: PaletteCommand[], recent: readonly string[]): Entry[] {
  if (looksLikeOrderIdentifier(query)) return [];
  if (!query) {
    const byId = new Map(commands.map((command) => [command.id, command]));
    const recentCommands = recent.flatMap((id) => byId.get(id) ?? []).filter((command) => command.run);
    const rest = commands.filter((command) => !recentCommands.includes(command));
    return [
      ...recentCommands.map((command) => commandEntry(command, true)),
      ...rest.map((c) => commandEntry(c, false)),
    ];
  }
  const ranked = rankByFuzzy(query, commands, (command) => `${command.label} ${command.keywords ?? ''}`);
  return [...ranked.filter((command) => command.run), ...ranked.filter((command) => !command.run)].map((command) =>
    commandEntry(command, false),
  );
}

const orderEntry = (order: OrderSummary): Entry => ({
  type: 'order',
  id: 'order',
  label: `Open order ${order.orderId ?? order.referenceId}`,
  hint: `${statusLabel(order)} · ${order.brandName ?? order.brandId ?? 'brand unknown'} · ${formatPaise(order.amountPaise)}`,
  order,
});

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
 * names; main says which it is. Typing a word finds every area and action (fuzzy), recent ones first.
 */
export function CommandPalette() {
  const open = usePalette((state) => state.dialog === 'palette');
  const togglePalette = usePalette((state) => state.togglePalette);
  const closeDialog = usePalette((state) => state.closeDialog);
  const recent = usePalette((state) => state.recent);
  const profiles = useProfiles((state) => state.list);
  const commands = useMemo(() => paletteCommands(profiles), [profiles]);
  const [text, setText] = useState('');
  const resolution = usePalette((state) => state.resolution);
  const resolve = usePalette((state) => state.resolve);
  const clearResolution = usePalette((state) => state.clear);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        togglePalette();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [togglePalette]);

  // Before the input takes focus: remember where the operator was, to go back there on close.
  useLayoutEffect(() => {
    if (!open) return;
    returnFocus.current = document.activeElement as HTMLElement | null;
    input.current?.focus();
  }, [open]);

  useEffect(() => {
    const value = text.trim();
    if (!open || value.length < 3) return;
    const timer = setTimeout(() => void resolve(value), 120);
    return () => clearTimeout(timer);
  }, [text, open, resolve]);

  const close = () => {
    closeDialog();
    setText('');
    clearResolution();
    setActive(0);
    returnFocus.current?.focus?.();
  };

  const query = text.trim();
  const current = resolution && resolution.query === query ? resolution.answer : null;
  const order = resolution && resolution.query === query ? resolution.order : null;
  const lookupLive =
    current &&
    !order &&
    looksLikeOrderIdentifier(current.value) &&
    !current.matches.some((match) => match.kind === 'request-id');
  const entries: Entry[] = [
    ...(order ? [orderEntry(order)] : []),
    ...(current?.matches.map((match) => ({
      type: 'identifier' as const,
      id: `${match.kind}`,
      label: `${KIND_LABELS[match.kind]} ${current.value}`,
      hint: `${match.calls} ${match.calls === 1 ? 'call' : 'calls'}, newest ${formatDateTime(match.at)}`,
      match,
      value: current.value,
    })) ?? []),
    ...commandEntries(query, commands, recent),
    ...(lookupLive
      ? [
          {
            type: 'order-lookup' as const,
            id: 'order-lookup',
            label: `Look up order ${current.value} in Hubble`,
            hint: 'This console has no order with this id; ask Hubble by order ID and by referenceId.',
            value: current.value,
          },
        ]
      : []),
  ];

  const run = (entry: Entry | undefined) => {
    if (!entry) return;
    if (entry.type === 'command') {
      // A command that is not built says so in its hint; choosing it does nothing rather than pretend.
      if (!entry.command.run) return;
      close();
      usePalette.getState().noteRecent(entry.command.id);
      entry.command.run();
      return;
    }
    close();
    if (entry.type === 'order' || entry.type === 'order-lookup') {
      const key = entry.type === 'order' ? keyOf(entry.order) : null;
      if (key) void useOrders.getState().openOrder(key);
      else if (entry.type === 'order-lookup') void useOrders.getState().lookup(entry.value);
      useNavigation.getState().goTo('orders');
      return;
    }
    useNavigation.getState().goTo('calls');
    void useCalls.getState().open(entry.match, entry.value);
  };

  // Paste then Enter at once: do not wait for the debounced lookup, ask now and go to the first match.
  const resolveNow = async (value: string) => {
    const resolved = await resolve(value);
    const [match] = resolved?.answer.matches ?? [];
    if (resolved?.order) run(orderEntry(resolved.order));
    else if (resolved && match)
      run({ type: 'identifier', id: match.kind, label: '', hint: '', match, value: resolved.answer.value });
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
          aria-label="Paste an X-REQUEST-ID, order ID or reference ID, or type a command"
          placeholder="Paste an X-REQUEST-ID, order ID or reference ID, or type a command…"
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
              aria-disabled={entry.type === 'command' && !entry.command.run ? true : undefined}
              onMouseEnter={() => setActive(index)}
              onClick={() => run(entry)}
            >
              <strong>{entry.label}</strong>
              <span className="muted">{entry.hint}</span>
            </li>
          ))}
        </ul>
        {current && current.matches.length === 0 && !order && (
          <p className="palette__none" role="status">
            {LOOKS_LIKE[current.looksLike]}
          </p>
        )}
        <p className="palette__help muted">Enter opens · ↑↓ choose · Esc closes · times in {timeZoneLabel()}</p>
      </div>
    </div>
  );
}
