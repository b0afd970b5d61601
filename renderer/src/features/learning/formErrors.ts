// Puts a repository's ValidationError issues on the form fields they name; the rest come back to be shown as a message.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ValidationError } from '../../db/repositories/errors';

/** Returns the messages no field of `fields` could show ([] when all were placed); rethrows anything else. */
export function placeIssues<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: readonly string[],
): string[] {
  if (!(error instanceof ValidationError)) return [error instanceof Error ? error.message : String(error)];
  const unplaced: string[] = [];
  for (const issue of error.issues) {
    if (fields.includes(issue.path)) setError(issue.path as Path<T>, { type: 'repository', message: issue.message });
    else unplaced.push(issue.message);
  }
  return unplaced;
}
