import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type KeyboardEvent } from 'react';
import { DateTime } from '../../components/DateTime.tsx';
import { timeZoneLabel } from '../../components/format-time.ts';
import { useReceived } from './received-store.ts';
import { STATE_WORDS, toneOf, typeWords, VERDICT_WORDS } from './received-words.ts';

export const ROW_HEIGHT = 32;

/**
 * Received webhooks, newest first, as a virtualized list: only the rows near the viewport are in the DOM,
 * and the next (older) page is read from main when the end comes into view.
 */
export function ReceivedList() {
  const events = useReceived((state) => state.events);
  const selectedId = useReceived((state) => state.selectedId);
  const loading = useReceived((state) => state.loading);
  const more = useReceived((state) => state.more);
  const scrollRef = useRef<HTMLDivElement>(null);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is used only inside this component, never memoized
  const virtualizer = useVirtualizer({
    count: events.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
    initialRect: { width: 800, height: 480 },
  });
  const items = virtualizer.getVirtualItems();
  const last = items.at(-1)?.index ?? -1;

  useEffect(() => {
    if (more && last >= events.length - 5) void useReceived.getState().loadMore();
  }, [last, events.length, more]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const current = Number((document.activeElement as HTMLElement | null)?.dataset['index'] ?? -1);
    const next = Math.max(0, Math.min(events.length - 1, current + (event.key === 'ArrowDown' ? 1 : -1)));
    event.preventDefault();
    virtualizer.scrollToIndex(next);
    requestAnimationFrame(() => scrollRef.current?.querySelector<HTMLElement>(`[data-index="${next}"]`)?.focus());
  };

  if (events.length === 0)
    return (
      <p className="muted rx-empty" role="status">
        {loading
          ? 'Reading received webhooks…'
          : 'No webhooks received yet. Turn the receiver on and point Hubble (or the simulator) at its endpoint.'}
      </p>
    );

  return (
    <div className="rx-table" role="table" aria-label="Received webhooks" aria-rowcount={events.length + 1}>
      <div className="rx-row rx-row--head" role="row" aria-rowindex={1}>
        <span role="columnheader" className="rx-cell rx-cell--id">
          #
        </span>
        <span role="columnheader" className="rx-cell rx-cell--time">
          Received ({timeZoneLabel()})
        </span>
        <span role="columnheader" className="rx-cell rx-cell--type">
          Type
        </span>
        <span role="columnheader" className="rx-cell">
          Verdict
        </span>
        <span role="columnheader" className="rx-cell">
          State
        </span>
        <span role="columnheader" className="rx-cell rx-cell--source">
          Source
        </span>
      </div>
      <div className="rx-table__scroll" ref={scrollRef} onKeyDown={onKeyDown}>
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const event = events[item.index]!;
            return (
              <div
                key={event.id}
                role="row"
                tabIndex={0}
                data-index={item.index}
                data-tone={toneOf(event)}
                aria-rowindex={item.index + 2}
                aria-selected={event.id === selectedId}
                className="rx-row"
                style={{ position: 'absolute', top: 0, transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => void useReceived.getState().select(event.id)}
                onKeyDown={(keyEvent) => {
                  if (keyEvent.key !== 'Enter' && keyEvent.key !== ' ') return;
                  keyEvent.preventDefault();
                  void useReceived.getState().select(event.id);
                }}
              >
                <span role="cell" className="rx-cell rx-cell--id mono">
                  {event.id}
                </span>
                <span role="cell" className="rx-cell rx-cell--time">
                  <DateTime at={event.receivedAt} />
                </span>
                <span role="cell" className="rx-cell rx-cell--type">
                  {typeWords(event.type)}
                </span>
                <span role="cell" className="rx-cell rx-cell--verdict">
                  {VERDICT_WORDS[event.verdict]}
                </span>
                <span role="cell" className="rx-cell rx-cell--state">
                  {STATE_WORDS[event.state]}
                </span>
                <span role="cell" className="rx-cell rx-cell--source mono">
                  {event.sourceIp}
                </span>
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
