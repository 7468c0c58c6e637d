import { useEffect } from 'react';
import { useEscapeCloses } from '../../components/use-escape-closes.ts';
import { useProfiles } from '../profiles/profiles-store.ts';
import { MissingTerminalWebhooksPanel } from './MissingTerminalWebhooksPanel.tsx';
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

  useEscapeCloses(detailOpen, () => void useReceived.getState().select(null));

  return (
    <div className="rx-view">
      <ReceiverStatusPanel />
      <ReceiverSettingsForm />
      <MissingTerminalWebhooksPanel />
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
