import { useEffect } from 'react';
import { useProfiles } from '../profiles/profiles-store.ts';
import { ReceivedDetail } from './ReceivedDetail.tsx';
import { ReceivedFilters } from './ReceivedFilters.tsx';
import { ReceivedList } from './ReceivedList.tsx';
import { ReceiverSettingsForm } from './ReceiverSettingsForm.tsx';
import { ReceiverStatusPanel } from './ReceiverStatusPanel.tsx';
import { useReceived } from './received-store.ts';

/** The Received tab: the active profile's receiver and every delivery it took in, live. */
export function ReceivedView() {
  const profileId = useProfiles((state) => state.active()?.id);
  const detailOpen = useReceived((state) => state.selectedId !== null);

  useEffect(() => {
    const received = useReceived.getState();
    void received.load();
    return received.watch((eventProfileId) => eventProfileId === useProfiles.getState().active()?.id);
  }, [profileId]);

  // Esc closes the detail wherever focus is, unless a dialog is open.
  useEffect(() => {
    if (!detailOpen) return;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented || document.querySelector('[role="dialog"]')) return;
      event.preventDefault();
      void useReceived.getState().select(null);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [detailOpen]);

  return (
    <div className="rx-view">
      <ReceiverStatusPanel />
      <ReceiverSettingsForm />
      <section className="wh-panel rx-events" aria-labelledby="rx-events-title">
        <h2 id="rx-events-title">Received webhooks</h2>
        <ReceivedFilters />
        <div className="rx-layout">
          <ReceivedList />
          <ReceivedDetail />
        </div>
      </section>
    </div>
  );
}
