import { useEffect } from 'react';
import { OperationErrorMessage } from '../../components/OperationErrorMessage.tsx';
import { useProfiles } from '../profiles/profiles-store.ts';
import { FollowsPanel } from './FollowsPanel.tsx';
import { ImportRunPanel } from './ImportRunPanel.tsx';
import { LogFileForm } from './LogFileForm.tsx';
import { MappingEditor } from './MappingEditor.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { useLogImport } from './log-import-store.ts';
import './log-import.css';

/** The partner backend's own log of Hubble calls, imported as calls with source "import" (docs/log-import.md). */
export function LogImportView() {
  const profileId = useProfiles((state) => state.active()?.id);
  const error = useLogImport((state) => state.error);

  useEffect(() => {
    const logImport = useLogImport.getState();
    void logImport.loadLastRun();
    void logImport.loadFollows();
    return logImport.watch((eventProfileId) => eventProfileId === useProfiles.getState().active()?.id);
  }, [profileId]);

  return (
    <div className="li-view">
      <section className="wh-panel" aria-labelledby="li-title">
        <h2 id="li-title">Import your backend&apos;s call log</h2>
        <p className="muted">
          Most of your Hubble traffic leaves from your backend. Import its log so search, the palette, support bundles
          and the dashboards cover it; importing the same file twice adds nothing.
        </p>
        <LogFileForm />
        <OperationErrorMessage error={error} />
        <MappingEditor />
        <PreviewTable />
      </section>
      <ImportRunPanel />
      <FollowsPanel />
    </div>
  );
}
