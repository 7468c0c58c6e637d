import type { AppErrorShape } from '../../../shared/contract/result.ts';

interface Issue {
  path: string;
  message: string;
}

const issuesOf = (error: AppErrorShape): Issue[] => {
  const details = error.details as { issues?: unknown } | undefined;
  return Array.isArray(details?.issues)
    ? (details.issues as Issue[]).filter((issue) => typeof issue?.message === 'string')
    : [];
};

/**
 * A failed operation in main's words, with the field messages when there are some (e.g. the body size limit).
 * `withPaths` names the field before its message: a form's fields are worth naming, while other inputs' paths
 * are contract names that mean nothing to an operator.
 */
export function OperationErrorMessage({
  error,
  withPaths = false,
}: {
  error: AppErrorShape | null;
  withPaths?: boolean;
}) {
  if (!error) return null;
  const issues = issuesOf(error);
  return (
    <div className="form-error" role="alert">
      <p>{error.message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {withPaths && issue.path && <span className="mono">{issue.path}: </span>}
              {issue.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
