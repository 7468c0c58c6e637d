import { useEffect } from 'react';
import { NotBuiltYet } from '../components/NotBuiltYet.tsx';
import { useAppInfo } from './app-info-store.ts';
import { useNavigation } from './navigation-store.ts';
import { followProfileChanges, useProfiles } from '../features/profiles/profiles-store.ts';
import { areas } from './areas.ts';
import { CommandPalette } from './CommandPalette.tsx';
import { pages } from './pages.tsx';
import { Sidebar } from './Sidebar.tsx';
import { TitleBar } from './TitleBar.tsx';

export function App() {
  const area = useNavigation((state) => state.area);
  const goTo = useNavigation((state) => state.goTo);
  const environment = useProfiles((state) => state.active()?.environment);

  useEffect(() => {
    void useAppInfo.getState().load();
    void useProfiles.getState().load();
    return followProfileChanges();
  }, []);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const index = Number(event.key) - 1;
      const target = areas[index];
      if (Number.isInteger(index) && target) {
        event.preventDefault();
        goTo(target.id);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [goTo]);

  const current = areas.find((candidate) => candidate.id === area) ?? areas[0];
  const Page = pages[current.id];
  return (
    <div className={`app-shell env-${environment ?? 'unknown'}`} data-environment={environment ?? 'unknown'}>
      <TitleBar />
      <div className="app-body">
        <Sidebar />
        <main className="app-main" id="main">
          {Page ? <Page /> : <NotBuiltYet title={current.label} purpose={current.purpose} />}
        </main>
      </div>
      <CommandPalette />
    </div>
  );
}
