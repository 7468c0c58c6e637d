import { useNavigation } from '../../app/navigation-store.ts';
import { useProfiles } from './profiles-store.ts';

/** First start: what the Simulator is and how to add a real profile. Dismissed once, remembered in app.db. */
export function WelcomeBlock() {
  const list = useProfiles((state) => state.list);
  const active = useProfiles((state) => state.active());
  const dismissWelcome = useProfiles((state) => state.dismissWelcome);
  const goTo = useNavigation((state) => state.goTo);
  if (!list || list.welcomeDismissed || active?.environment !== 'simulator') return null;

  return (
    <div className="welcome" role="note" aria-label="Welcome">
      <h2>Welcome to Hubble Ops Console</h2>
      <p>
        You are on the built-in <strong>Simulator</strong> profile: an embedded Hubble that needs no credentials and
        moves no money. Everything you see here is simulated.
      </p>
      <p>To work with your real Hubble account:</p>
      <ol>
        <li>
          Open <strong>Profiles</strong> and create a <strong>Staging</strong> profile with the staging clientId Hubble
          gave you.
        </li>
        <li>Set its client secret: it is kept in your OS keychain, never in a file.</li>
        <li>
          Run <strong>Test connection</strong>. A 403 means this machine&apos;s IP is not whitelisted yet; the test
          shows what to send Hubble.
        </li>
        <li>
          When staging works, add a <strong>Production</strong> profile with the separate production credentials.
          Production shows a red frame and asks you to type its name before anything that spends money.
        </li>
      </ol>
      <p className="welcome__actions">
        <button type="button" className="button-primary" onClick={() => goTo('profiles')}>
          Add a profile
        </button>
        <button type="button" onClick={() => void dismissWelcome()}>
          Dismiss
        </button>
      </p>
    </div>
  );
}
