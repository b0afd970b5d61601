// Unsaved changes are never thrown away without asking: leaving a form with edits (a menu item, a link, the back
// button, closing or reloading the window) asks first.
//
// Navigation in the app is the URL hash. A `hashchange` cannot be cancelled, so the guard — whose listener is added
// before React subscribes to the hash (`installLeaveGuard` runs before the first render) — puts the previous address
// back with `history.replaceState` (browsers fire no event for it) before anyone reads the new one, and remembers
// where the user wanted to go; `LeaveConfirm` asks, and only 「放弃修改并离开」 goes there. Closing or reloading the
// window is refused through `beforeunload`: a browser then asks itself; Electron asks in main (`will-prevent-unload`).
// The same refusal covers a restore or backup under way (`setUnloadBlocker`, from data-safety/jobCloseGuard.ts).
// A move that is not a navigation — switching the current branch, which drops the forms of the branch left — goes
// through `guardedMove`: it asks the same question and runs only after 「放弃修改并离开」.
import { useEffect, useRef } from 'react';

type Listener = () => void;

/** Open forms with edits not yet saved: one entry per form, named for the question (「会议记录」). */
const dirty = new Map<number, string>();
let nextToken = 1;
/** What the user asked for while forms had edits: an address to go to, or another move (`run`) said in `action`. */
interface Move {
  target: string;
  run?: () => void;
  action?: string;
}
let pending: Move | undefined;
let current = '';
const listeners = new Set<Listener>();

function notify(): void {
  for (const listener of listeners) listener();
}

const hashOf = (url: string | undefined, fallback: string) => (url ? new URL(url).hash : fallback);

/** The address the guard just put back: a DOM that reports replaceState as a hashchange (happy-dom) echoes it. */
let echo: string | undefined;

function onHashChange(event: HashChangeEvent): void {
  const next = hashOf(event.newURL, window.location.hash);
  // Where the user was: the event says (a page may have rewritten the address with replaceState since the guard
  // last saw it, as BranchPage's tabs do); the last address the guard saw when it does not.
  const previous = hashOf(event.oldURL, current);
  const echoed = echo !== undefined && next === echo;
  echo = undefined;
  if (echoed || next === previous) return;
  if (dirty.size === 0) {
    current = next;
    return;
  }
  // Back to where the form is, before the pages read the address; the move waits for the user's answer.
  const url = new URL(window.location.href);
  url.hash = previous;
  current = echo = previous;
  window.history.replaceState(window.history.state, '', url.href);
  pending = { target: next };
  notify();
}

/** A job the window must not be closed in the middle of without asking (a restore writing, 立即备份). */
let busyJob: string | undefined;

/** Names the running job that closing or reloading the window should ask about; undefined when none runs. */
export function setUnloadBlocker(job: string | undefined): void {
  busyJob = job;
}

function onBeforeUnload(event: BeforeUnloadEvent): void {
  if (dirty.size === 0 && busyJob === undefined) return;
  event.preventDefault();
  // Older Chromium (and Electron's will-prevent-unload) look at returnValue.
  event.returnValue = '';
}

let installed = false;

/** Starts guarding. Call once, before React renders, so the guard sees each hash change first. */
export function installLeaveGuard(): void {
  if (installed) return;
  installed = true;
  current = window.location.hash;
  window.addEventListener('hashchange', onHashChange);
  window.addEventListener('beforeunload', onBeforeUnload);
}

/** For tests: stop listening and forget every form and any open question. */
export function uninstallLeaveGuard(): void {
  window.removeEventListener('hashchange', onHashChange);
  window.removeEventListener('beforeunload', onBeforeUnload);
  installed = false;
  dirty.clear();
  busyJob = undefined;
  pending = undefined;
  notify();
}

export function hasUnsavedChanges(): boolean {
  return dirty.size > 0;
}

/** What the open question is about: the forms with edits, and where the user wanted to go. */
export interface LeaveRequest {
  /** The address asked for; '' for a move that is not a navigation. */
  target: string;
  forms: string[];
  /** A move that is not a navigation, said for the question: 「切换到「研究室党支部」」. */
  action?: string;
}

let snapshot: LeaveRequest | undefined;

export function pendingLeave(): LeaveRequest | undefined {
  if (pending === undefined) return (snapshot = undefined);
  const { target, action } = pending;
  const forms = [...new Set(dirty.values())];
  if (snapshot?.target !== target || snapshot.action !== action || snapshot.forms.join() !== forms.join()) {
    snapshot = action === undefined ? { target, forms } : { target, forms, action };
  }
  return snapshot;
}

export function subscribeLeave(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** 放弃修改并离开: the edits are dropped and the move the user asked for happens. */
export function confirmLeave(): void {
  const move = pending;
  pending = undefined;
  if (move?.run) {
    // The forms stay registered until the move unmounts them: one it leaves in place (a form that does not belong to
    // a branch) keeps its edits and stays guarded.
    notify();
    move.run();
    return;
  }
  dirty.clear();
  notify();
  if (move !== undefined) window.location.hash = move.target;
}

/**
 * Runs a move that is not a navigation but drops the open forms (switching the current branch): at once when nothing
 * is edited, else after the same question as leaving the page, and only on 「放弃修改并离开」. `action` says the move in
 * the question: 「切换到「研究室党支部」」.
 */
export function guardedMove(run: () => void, action: string): void {
  if (dirty.size === 0) {
    run();
    return;
  }
  pending = { target: '', run, action };
  notify();
}

/** 继续编辑: stay on the form, edits kept. */
export function cancelLeave(): void {
  pending = undefined;
  notify();
}

/**
 * Registers a form while it has unsaved edits. Returns `release`, which a form calls once its changes are saved and
 * before it navigates away, so a successful save never asks.
 */
export function useUnsavedChanges(isDirty: boolean, label: string): () => void {
  const token = useRef(0);
  useEffect(() => {
    if (!isDirty) return undefined;
    const id = nextToken++;
    token.current = id;
    dirty.set(id, label);
    return () => {
      dirty.delete(id);
      if (token.current === id) token.current = 0;
      if (dirty.size === 0 && pending !== undefined) cancelLeave();
    };
  }, [isDirty, label]);
  return () => {
    if (token.current) dirty.delete(token.current);
    token.current = 0;
  };
}
