// Shows a failed save on a react-hook-form form: a repository's ValidationError issues under the fields they name,
// the rest (and any other failure) in the form's banner (errors.root.repository), all in Chinese.
import type { FieldPath, FieldValues, UseFormSetError } from 'react-hook-form';
import { ValidationError } from '../db/repositories/errors';

export function showRepositoryError<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  isFieldPath: (path: string) => boolean,
  /** Where the form shows an issue the repository reports elsewhere (e.g. a member id picked by name). */
  formPathOf: (path: string) => string = (path) => path,
): void {
  if (!(error instanceof ValidationError)) {
    const reason = error instanceof Error ? error.message : String(error);
    setError('root.repository', { type: 'repository', message: `保存失败：${reason}` });
    return;
  }
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    const path = formPathOf(issue.path);
    if (isFieldPath(path)) setError(path as FieldPath<T>, { type: 'repository', message: issue.message });
    else unplaced.push(issue.message);
  }
  if (unplaced.length > 0) setError('root.repository', { type: 'repository', message: unplaced.join('；') });
}
