import { create } from 'zustand';
import { isAreaId, START_AREA, type AreaId } from './area-ids.ts';

const areaFromHash = (): AreaId => {
  const id = window.location.hash.replace(/^#\/?/, '').split('/')[0] ?? '';
  return isAreaId(id) ? id : START_AREA;
};

interface NavigationState {
  area: AreaId;
  goTo(area: AreaId): void;
}

/** The current area, mirrored in location.hash so back/forward and reloads keep the place. */
export const useNavigation = create<NavigationState>((set) => ({
  area: areaFromHash(),
  goTo(area) {
    if (window.location.hash !== `#/${area}`) window.location.hash = `#/${area}`;
    set({ area });
  },
}));

window.addEventListener('hashchange', () => useNavigation.setState({ area: areaFromHash() }));
