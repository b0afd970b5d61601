// Shared by the 领导责任 tests: a list's input, the refusal of a write, and the form rendered in a DOM.
import { render } from '@testing-library/react';
import { expect, vi } from 'vitest';
import type { Branch, Member, Responsibility } from '../../../shared/schemas';
import type { ResponsibilityInput } from '../../../shared/schemas/entities';
import { AppProviders } from '../../../renderer/src/app/providers';
import { ValidationError, type ValidationIssue } from '../../../renderer/src/db/repositories/errors';
import { ResponsibilityForm } from '../../../renderer/src/features/responsibility/ResponsibilityForm';
import type { ResponsibilityFormValues } from '../../../renderer/src/features/responsibility/responsibilityFormValues';

/** The issues a refused write names (it must be refused with a ValidationError). */
export async function issuesOf(promise: Promise<unknown>): Promise<ValidationIssue[]> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).issues;
}

/** 张三's 2030 第一责任人 list, with `overrides`. */
export function input(overrides: Partial<ResponsibilityInput> = {}): ResponsibilityInput {
  return {
    year: 2030,
    holderMemberId: '',
    holderName: '张三',
    role: '第一责任人',
    duties: ['全面负责支部党建工作'],
    tasks: [],
    reports: [],
    ...overrides,
  };
}

/** The 领导责任 form for `branch`, its 保存 reported to the returned mock. */
export function renderForm(
  branch: Branch,
  members: readonly Member[],
  defaultValues: ResponsibilityFormValues,
  lists: Responsibility[] = [],
) {
  const onSaved = vi.fn();
  render(
    <AppProviders>
      <ResponsibilityForm
        branchId={branch.id}
        members={members}
        secretary={undefined}
        evidence={[]}
        defaultValues={defaultValues}
        lists={lists}
        onSaved={onSaved}
        onCancel={() => undefined}
      />
    </AppProviders>,
  );
  return { onSaved };
}
