import { WelcomeBlock } from '../../components/WelcomeBlock.tsx';
import { useAppInfo } from '../../app/app-info-store.ts';

export function DashboardPage() {
  const info = useAppInfo((state) => state.info);
  return (
    <section aria-labelledby="page-title" className="page">
      <h1 id="page-title">Dashboard</h1>
      <WelcomeBlock />
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
