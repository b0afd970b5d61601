// Tab and Shift+Tab go round inside the dialog that has the focus (antd's Modal, confirm, the photo viewer, Drawer).
// rc-dialog keeps the focus in with a `focusin` listener only (@rc-component/util's lockFocus): Tab on a dialog's last
// button left the document's last element, so the focus went to <body> — a stop with nothing focused — and the next
// Tab entered the page behind at its top, scrolling it there, before the listener pulled the focus back. After Esc the
// focus returned (without scrolling) to the button that opened the dialog, now off-screen.

const CANDIDATES = 'a[href], button, input, select, textarea, [tabindex], [contenteditable="true"]';

/** The dialog's Tab stops in order: shown, enabled, not taken out of the Tab order. */
function tabStops(dialog: Element): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(CANDIDATES)].filter(
    (el) =>
      el.tabIndex >= 0 &&
      !el.matches(':disabled') &&
      !(el instanceof HTMLInputElement && el.type === 'hidden') &&
      (typeof el.checkVisibility === 'function' ? el.checkVisibility({ visibilityProperty: true }) : true),
  );
}

function onKeyDown(event: KeyboardEvent) {
  if (event.key !== 'Tab' || event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
  const active = document.activeElement;
  const dialog = active?.closest('[aria-modal="true"]');
  if (!active || !dialog) return;
  const stops = tabStops(dialog);
  const first = stops[0];
  const last = stops.at(-1);
  if (!first || !last) return;
  // From the dialog itself (where it puts the focus on opening), Shift+Tab would leave it too.
  const atEnd = event.shiftKey ? active === first || active === dialog : active === last;
  if (!atEnd) return;
  event.preventDefault();
  (event.shiftKey ? last : first).focus();
}

/** Call once at start-up. */
export function installDialogTabCycle(): void {
  document.addEventListener('keydown', onKeyDown, true);
}

export function uninstallDialogTabCycle(): void {
  document.removeEventListener('keydown', onKeyDown, true);
}
