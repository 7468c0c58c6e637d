import { useRef, type KeyboardEvent } from 'react';
import { AlertNotifications, FiringBadge } from '../features/alerts/AlertNotifications.tsx';
import { TeamLinkBadge } from '../features/team/TeamLinkBadge.tsx';
import { AboutConsole } from './AboutConsole.tsx';
import { areas } from './area-registry.tsx';
import { useNavigation } from './navigation-store.ts';

/** Arrow keys move between areas, Home/End jump to the ends; Ctrl/Cmd+1…9 works from anywhere (see App). */
export function Sidebar() {
  const { area: current, goTo } = useNavigation();
  const list = useRef<HTMLUListElement>(null);

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const buttons = [...(list.current?.querySelectorAll('button') ?? [])];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next =
      event.key === 'ArrowDown'
        ? index + 1
        : event.key === 'ArrowUp'
          ? index - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? buttons.length - 1
              : null;
    if (next === null) return;
    event.preventDefault();
    buttons[(next + buttons.length) % buttons.length]?.focus();
  };

  return (
    <nav className="sidebar" aria-label="Areas">
      <ul ref={list} onKeyDown={onKeyDown}>
        {areas.map((area, index) => (
          <li key={area.id}>
            <button
              type="button"
              className={area.ready ? undefined : 'sidebar__not-built'}
              aria-current={area.id === current ? 'page' : undefined}
              onClick={() => goTo(area.id)}
              title={`${area.label}${index < 9 ? ` (Ctrl+${index + 1})` : ''}${area.ready ? '' : ' · not built yet'}`}
            >
              {area.label}
              {area.id === 'alerts' && <FiringBadge />}
              {area.id === 'team' && <TeamLinkBadge />}
            </button>
          </li>
        ))}
      </ul>
      <AboutConsole />
      <AlertNotifications />
    </nav>
  );
}
