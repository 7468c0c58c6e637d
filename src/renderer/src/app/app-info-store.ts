import { create } from 'zustand';
import type { AppInfo } from '../../../shared/contract/app.ts';
import { hubble } from '../hubble.ts';

interface AppInfoState {
  info: AppInfo | null;
  error: string | null;
  load(): Promise<void>;
}

export const useAppInfo = create<AppInfoState>((set) => ({
  info: null,
  error: null,
  async load() {
    const result = await hubble().app.info();
    if (result.ok) set({ info: result.value, error: null });
    else set({ error: result.error.message });
  },
}));
