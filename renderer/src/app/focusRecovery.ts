// Keeps the keyboard focus from falling to <body> when a view replaces the one it was in (新建记录, 返回列表, 查看阵地,
// 编辑, 补录 …): the button pressed is gone with its view, NVDA said nothing, and the focus mark vanished. The new
// view's heading takes the focus instead, so a screen reader reads where the user now is. One mechanism for every
// page, rather than a patch per button; a view that places the focus itself (MeetingView after 保存) goes first.

/** How long after the focus is lost a heading may still appear (a view shows 加载中 until its data is read). */
export const HEADING_WAIT_MS = 500;

/**
 * How far back a change of view counts as the cause of a focus lost now: a Popconfirm's 确定 or a dialog's button
 * loses the focus only once its popup has faded out, after the view behind it changed.
 */
const RECENT_MS = 1000;

/** Titles of a view (h3) and of a page (h2); a card's title is not a view's. */
const isViewHeading = (el: Element) => /^H[23]$/.test(el.tagName) && !el.closest('.ant-card-head');

function headingsIn(node: Node): HTMLElement[] {
  if (!(node instanceof HTMLElement)) return [];
  const found = [...node.querySelectorAll<HTMLElement>('h2, h3')];
  return (isViewHeading(node) ? [node, ...found] : found).filter(isViewHeading);
}

/** The focused element is gone, hidden or disabled, and the focus with it. */
function focusWasLost(last: Element | null): boolean {
  const active = document.activeElement;
  if (active !== null && active !== document.body) return false;
  if (!last) return false;
  if (!last.isConnected) return true;
  if (typeof last.checkVisibility === 'function' && !last.checkVisibility()) return true;
  return last.matches(':disabled');
}

function focusHeading(heading: HTMLElement) {
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  // Scrolled into view below the sticky header (global.css: scroll-padding-top).
  heading.focus();
}

interface Change {
  at: number;
  added: HTMLElement[];
  /** The change took a view's heading away: the view the focus was in was replaced. */
  removedHeading: boolean;
}

/**
 * Watches `root` (the page area, <main>) from now on; returns the function that stops it. When the focus is lost and
 * the page's views changed at that moment (a heading went or came), the focus goes to the new view's title (h3), else
 * to the page's title (h2). A focus lost without a change of view (a row removed, a menu closed) is left where the
 * browser keeps it: the next Tab goes on from there.
 */
export function watchFocusLoss(root: HTMLElement): () => void {
  let last: Element | null = null;
  /** The changes just before the loss was seen: the one that removed the focused button is the one that matters. */
  let recent: Change[] = [];
  let pending: { added: HTMLElement[]; removedHeading: boolean; timer: ReturnType<typeof setTimeout> } | null = null;

  const stop = () => {
    if (pending) clearTimeout(pending.timer);
    pending = null;
  };
  const candidates = (level: 'H2' | 'H3') =>
    pending?.added.find((h) => h.tagName === level && h.isConnected && root.contains(h));
  /** A new view's title settles it at once; a page title only when no view title came meanwhile (finish). */
  const decide = () => {
    if (!pending) return;
    if (!focusWasLost(last)) return stop();
    const viewTitle = candidates('H3');
    if (viewTitle) {
      stop();
      focusHeading(viewTitle);
    }
  };
  const finish = () => {
    if (!pending) return;
    const { added, removedHeading } = pending;
    pending = null;
    if (!focusWasLost(last)) return;
    const pageTitle =
      added.find((h) => h.tagName === 'H2' && h.isConnected && root.contains(h)) ??
      (removedHeading || added.length > 0 ? root.querySelector<HTMLElement>('h2') : null);
    if (pageTitle) focusHeading(pageTitle);
  };
  const start = () => {
    const now = performance.now();
    const changes = recent.filter((c) => now - c.at < RECENT_MS);
    recent = [];
    if (changes.length === 0) return;
    pending = {
      added: changes.flatMap((c) => c.added),
      removedHeading: changes.some((c) => c.removedHeading),
      timer: setTimeout(finish, HEADING_WAIT_MS),
    };
    decide();
  };

  const observer = new MutationObserver((records) => {
    const change: Change = { at: performance.now(), added: [], removedHeading: false };
    for (const record of records) {
      record.addedNodes.forEach((node) => change.added.push(...headingsIn(node)));
      record.removedNodes.forEach((node) => {
        if (headingsIn(node).length > 0) change.removedHeading = true;
      });
    }
    if (change.added.length === 0 && !change.removedHeading) {
      if (!pending && focusWasLost(last)) start();
      return;
    }
    if (pending) {
      pending.added.push(...change.added);
      pending.removedHeading ||= change.removedHeading;
      decide();
      return;
    }
    recent = [...recent.filter((c) => change.at - c.at < RECENT_MS), change];
    if (focusWasLost(last)) start();
  });
  observer.observe(root, { childList: true, subtree: true });

  const onFocusIn = (event: FocusEvent) => {
    last = event.target instanceof Element ? event.target : null;
    stop();
  };
  // A focused button hidden or disabled (not removed) loses the focus without a change of the DOM's tree.
  const onFocusOut = (event: FocusEvent) => {
    if (event.relatedTarget !== null) return;
    setTimeout(() => {
      if (!pending && focusWasLost(last)) start();
    }, 0);
  };
  document.addEventListener('focusin', onFocusIn);
  document.addEventListener('focusout', onFocusOut);
  return () => {
    stop();
    observer.disconnect();
    document.removeEventListener('focusin', onFocusIn);
    document.removeEventListener('focusout', onFocusOut);
  };
}
