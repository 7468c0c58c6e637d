import { create } from 'zustand';
import type { Profile, ProfileList } from '../../../../shared/contract/profiles.ts';
import { hubble } from '../../hubble.ts';

interface ProfilesState {
  list: ProfileList | null;
  error: string | null;
  load(): Promise<void>;
  active(): Profile | null;
  byId(profileId: string): Profile | null;
}

export const useProfiles = create<ProfilesState>((set, get) => ({
  list: null,
  error: null,
  async load() {
    const result = await hubble().profiles.list();
    if (result.ok) set({ list: result.value, error: null });
    else set({ error: result.error.message });
  },
  active() {
    const list = get().list;
    return list?.profiles.find((profile) => profile.id === list.activeProfileId) ?? null;
  },
  byId(profileId) {
    return get().list?.profiles.find((profile) => profile.id === profileId) ?? null;
  },
}));

/** Kept in sync with main: any window that changes profiles tells every other through this event. */
export function followProfileChanges(): () => void {
  return hubble().on('profiles.changed', (list) => useProfiles.setState({ list }));
}

/** After a change, read the list again rather than wait for the event, so this window is never behind. */
export async function refreshProfiles(): Promise<void> {
  await useProfiles.getState().load();
}
