// 复制上一年度 carries a leader's unfinished task into the new year's list as the same task (same id, `carriedFrom`):
// which of a year's tasks went on to a later year's list, and how a task says where it came from or went.
import type { Responsibility, ResponsibilityTask } from '../schemas/entities';

/**
 * The tasks of `year`'s lists carried into a later year's list unfinished, by task id → the first later year holding
 * it: that year's list follows them from then on. `lists` may hold any years (the later ones are what is read).
 */
export function tasksCarriedOn(lists: readonly Responsibility[], year: number): Map<string, number> {
  const carried = new Map<string, number>();
  for (const r of lists) {
    if (r.year <= year) continue;
    for (const t of r.tasks) {
      if (t.carriedFrom !== undefined && t.carriedFrom <= year) {
        carried.set(t.id, Math.min(carried.get(t.id) ?? r.year, r.year));
      }
    }
  }
  return carried;
}

/** 「（2025年度转入）」 for a task carried into a list of `year`, else ''. */
export function carriedFromNote(task: Pick<ResponsibilityTask, 'carriedFrom'>, year: number): string {
  return task.carriedFrom !== undefined && task.carriedFrom < year ? `（${task.carriedFrom}年度转入）` : '';
}
