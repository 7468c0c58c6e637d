import { useLogImport } from './log-import-store.ts';

/** Files followed like tail -F: new lines are imported every few seconds, across rotation. */
export function FollowsPanel() {
  const follows = useLogImport((state) => state.follows);
  return (
    <section className="wh-panel" aria-labelledby="li-follows-title">
      <h2 id="li-follows-title">Followed files</h2>
      {follows.length === 0 ? (
        <p className="muted">
          None. Follow a file to import its new lines as your backend writes them (a saved mapping is needed first).
        </p>
      ) : (
        <ul className="li-follows" aria-label="Followed files">
          {follows.map((follow) => (
            <li key={follow.path}>
              <span className="mono">{follow.path}</span>{' '}
              <span className="muted">
                ({follow.format.toUpperCase()}, line {follow.line.toLocaleString('en-IN')})
              </span>{' '}
              <button
                type="button"
                aria-label={`Stop following ${follow.path}`}
                onClick={() => void useLogImport.getState().unfollow(follow.path)}
              >
                Stop following
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
