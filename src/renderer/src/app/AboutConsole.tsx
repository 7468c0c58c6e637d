import { useAppInfo } from './app-info-store.ts';

/** The version, shell and data folder, at the foot of the sidebar: what support asks for first. */
export function AboutConsole() {
  const info = useAppInfo((state) => state.info);
  const preferences = useAppInfo((state) => state.preferences);
  const setCloseToTray = useAppInfo((state) => state.setCloseToTray);
  if (!info) return null;
  return (
    <details className="about">
      <summary>
        Version <span className="mono">{info.version}</span>
      </summary>
      <dl className="facts" aria-label="About this console">
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
      {info.shell === 'electron' && preferences && (
        <label className="about__preference">
          <input
            type="checkbox"
            checked={preferences.closeToTray}
            onChange={(event) => void setCloseToTray(event.target.checked)}
          />
          Keep monitoring in the tray when the window is closed
        </label>
      )}
    </details>
  );
}
