import { create } from 'zustand';
import type { AppInfo, AppPreferences } from '../../../shared/contract/app.ts';
import { hubble } from '../hubble.ts';

interface AppInfoState {
  info: AppInfo | null;
  preferences: AppPreferences | null;
  error: string | null;
  load(): Promise<void>;
  setCloseToTray(enabled: boolean): Promise<void>;
}

export const useAppInfo = create<AppInfoState>((set) => ({
  info: null,
  preferences: null,
  error: null,
  async load() {
    const [result, preferences] = await Promise.all([hubble().app.info(), hubble().app.preferences()]);
    if (result.ok) set({ info: result.value, error: null });
    else set({ error: result.error.message });
    if (preferences.ok) set({ preferences: preferences.value });
  },
  async setCloseToTray(enabled) {
    const result = await hubble().app.setPreferences({ closeToTray: enabled });
    if (result.ok) set({ preferences: result.value, error: null });
    else set({ error: result.error.message });
  },
}));
