// Errors the repositories throw, with Chinese messages the UI can show as they are.
import { type ZodError } from 'zod';

export interface ValidationIssue {
  /** Dotted path of the offending field, e.g. `termEnd` or `partyGroups.0.name`; '' for the whole record. */
  path: string;
  message: string;
}

export class ValidationError extends Error {
  override readonly name = 'ValidationError';
  readonly issues: ValidationIssue[];

  constructor(issues: ValidationIssue[]) {
    super(`填写的内容有误：${issues.map((i) => i.message).join('；')}`);
    this.issues = issues;
  }

  static fromZod(error: ZodError): ValidationError {
    return new ValidationError(
      error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message })),
    );
  }
}

export class NotFoundError extends Error {
  // Not 'NotFoundError': Dexie rewraps errors bearing an IndexedDB DOMException name, which would break instanceof.
  override readonly name = 'RecordNotFoundError';

  /** `what` is the Chinese name of the kind of record, e.g. 支部 or 党员. */
  constructor(
    readonly what: string,
    readonly id: string,
  ) {
    super(`找不到该${what}（编号 ${id}），可能已被删除`);
  }
}

/** What a failed repository call says to the user: a refusal's Chinese issues, or the error's own message. */
export function errorText(error: unknown): string {
  if (error instanceof ValidationError) return error.issues.map((i) => i.message).join('；');
  return error instanceof Error ? error.message : String(error);
}
