// Timestamps and ids stamped by the repositories.

let lastStamp = 0;

/**
 * Now as an ISO-8601 UTC string, strictly later than the previous call in this window: two writes in the same
 * millisecond would otherwise tie, and the audit log is read in `at` order.
 */
export function nowIso(): string {
  const t = Math.max(Date.now(), lastStamp + 1);
  lastStamp = t;
  return new Date(t).toISOString();
}

export function newId(): string {
  return crypto.randomUUID();
}
