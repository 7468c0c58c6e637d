import type { AppErrorShape } from '../../../../shared/contract/result.ts';

interface Issue {
  path: string;
  message: string;
}

/** A refused operation in main's words, with the field messages (e.g. the body size limit). */
export function OperationErrorMessage({ error }: { error: AppErrorShape | null }) {
  if (!error) return null;
  const details = error.details as { issues?: unknown } | undefined;
  const issues = Array.isArray(details?.issues)
    ? (details.issues as Issue[]).filter((issue) => typeof issue?.message === 'string')
    : [];
  return (
    <div className="form-error" role="alert">
      <p>{error.message}</p>
      {issues.length > 0 && (
        <ul>
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
