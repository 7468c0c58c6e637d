import type { AppErrorShape } from '../../../../shared/contract/result.ts';

interface Issue {
  path: string;
  message: string;
}

const issuesOf = (error: AppErrorShape): Issue[] => {
  const details = error.details as { issues?: unknown } | undefined;
  return Array.isArray(details?.issues) ? (details.issues as Issue[]).filter((issue) => typeof issue?.message === 'string') : [];
};

/** A failed operation, in the words main chose, with the field problems when there are some. */
export function ResultError({ error }: { error: AppErrorShape | null }) {
  if (!error) return null;
  const issues = issuesOf(error);
  return (
    <div className="form-error" role="alert">
      <p>{error.message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path && <span className="mono">{issue.path}: </span>}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
