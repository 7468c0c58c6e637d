import { useEffect } from 'react';
import { useAppInfo } from './app-info-store.ts';
import { useNavigation } from './navigation-store.ts';
import { followProfileChanges, useProfiles } from '../features/profiles/profiles-store.ts';
import { areaById, areas } from './area-registry.tsx';
import { CommandPalette } from './CommandPalette.tsx';
import { followDesktopCommands } from './desktop-commands.ts';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { Sidebar } from './Sidebar.tsx';
import { TitleBar } from './TitleBar.tsx';

export function App() {
  const area = useNavigation((state) => state.area);
  const goTo = useNavigation((state) => state.goTo);
  const environment = useProfiles((state) => state.active()?.environment);

  useEffect(() => {
    void useAppInfo.getState().load();
    void useProfiles.getState().load();
    const stopProfiles = followProfileChanges();
    const stopDesktop = followDesktopCommands();
    return () => {
      stopProfiles();
      stopDesktop();
    };
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

  const { Page, label, purpose } = areaById(area);
  return (
    <div className={`app-shell env-${environment ?? 'unknown'}`} data-environment={environment ?? 'unknown'}>
      <TitleBar />
      <div className="app-body">
        <Sidebar />
        <main className="app-main" id="main">
          <Page key={area} label={label} purpose={purpose} />
        </main>
      </div>
      <CommandPalette />
      <ShortcutHelp />
    </div>
  );
}
