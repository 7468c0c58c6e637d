import { LogImportView } from '../log-import/LogImportView.tsx';
import { ReceivedView } from './ReceivedView.tsx';
import { SignatureDebugger } from './SignatureDebugger.tsx';
import { SigningTool } from './SigningTool.tsx';
import { useWebhooksTab, WEBHOOKS_TABS } from './webhooks-tab-store.ts';
import './webhooks.css';

function WebhooksTabs() {
  const tab = useWebhooksTab((state) => state.tab);
  const setTab = useWebhooksTab((state) => state.setTab);
  return (
    <div className="wh-tabs" role="tablist" aria-label="Webhooks">
      {WEBHOOKS_TABS.map((entry, index) => (
        <button
          key={entry.id}
          id={`wh-tab-${entry.id}`}
          type="button"
          role="tab"
          aria-selected={tab === entry.id}
          aria-controls="wh-tabpanel"
          tabIndex={tab === entry.id ? 0 : -1}
          onClick={() => setTab(entry.id)}
          onKeyDown={(event) => {
            if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
            const step = event.key === 'ArrowRight' ? 1 : WEBHOOKS_TABS.length - 1;
            const next = WEBHOOKS_TABS[(index + step) % WEBHOOKS_TABS.length]!;
            setTab(next.id);
            document.getElementById(`wh-tab-${next.id}`)?.focus();
          }}
        >
          {entry.label}
        </button>
      ))}
    </div>
  );
}

/** Webhooks: the signature debugger and signing tool, what the local receiver took in, and partner log import. */
export function WebhooksPage() {
  const tab = useWebhooksTab((state) => state.tab);
  return (
    <section aria-labelledby="page-title" className="page webhooks-page">
      <header className="wh-page__header">
        <h1 id="page-title">Webhooks</h1>
        <WebhooksTabs />
      </header>
      <div id="wh-tabpanel" role="tabpanel" aria-labelledby={`wh-tab-${tab}`} className="wh-tabpanel">
        {tab === 'debugger' && (
          <>
            <SignatureDebugger />
            <SigningTool />
          </>
        )}
        {tab === 'received' && <ReceivedView />}
        {tab === 'import' && <LogImportView />}
      </div>
    </section>
  );
}
