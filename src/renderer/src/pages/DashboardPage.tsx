import { useAppInfo } from '../stores/app-info.ts';
import { useProfiles } from '../stores/profiles.ts';

export function DashboardPage() {
  const info = useAppInfo((state) => state.info);
  const profile = useProfiles((state) => state.active());
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Dashboard</h1>
      {profile?.environment === 'simulator' && (
        <div className="welcome" role="note" aria-label="Welcome">
          <h2>Welcome to Hubble Ops Console</h2>
          <p>
            You are on the built-in <strong>Simulator</strong> profile: an embedded Hubble that needs no credentials and
            moves no money. To work with real Hubble, add a staging or production profile under Profiles and keep its
            client secret in your OS keychain.
          </p>
        </div>
      )}
      {info && (
        <dl className="facts" aria-label="About this console">
          <dt>Version</dt>
          <dd>{info.version}</dd>
          <dt>Platform</dt>
          <dd>
            {info.platform} / {info.arch}
          </dd>
          <dt>Shell</dt>
          <dd>{info.shell === 'electron' ? `Electron ${info.runtime.electron}` : 'Browser harness'}</dd>
          <dt>Node</dt>
          <dd>{info.runtime.node}</dd>
          <dt>Data folder</dt>
          <dd className="mono">{info.dataDir}</dd>
        </dl>
      )}
    </section>
  );
}
