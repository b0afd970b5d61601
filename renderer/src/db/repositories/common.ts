// Helpers the repositories share: validating input into Chinese issues, describing changes, Chinese sorting.
import { type z } from 'zod';
import { ValidationError } from './errors';

/** Parses form input with its shared schema, or throws a ValidationError carrying the schema's Chinese messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw ValidationError.fromZod(result.error);
  return result.data;
}

// Key order inside stored objects may differ from freshly parsed ones, so compare with sorted keys.
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** The Chinese labels of the fields whose values differ, in the labels' order. */
export function changedFieldLabels<T extends object>(
  before: T,
  after: T,
  labels: Readonly<Record<keyof T & string, string>>,
): string[] {
  return (Object.keys(labels) as (keyof T & string)[])
    .filter((key) => JSON.stringify(canonical(before[key])) !== JSON.stringify(canonical(after[key])))
    .map((key) => labels[key]);
}

const zhCollator = new Intl.Collator('zh-CN', { numeric: true });

/** Chinese dictionary (pinyin) order, as people expect a 名册 sorted; numbers compare by value. */
export function compareZh(a: string, b: string): number {
  return zhCollator.compare(a, b);
}
