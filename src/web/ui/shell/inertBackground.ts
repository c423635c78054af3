/**
 * Makes the page behind an open modal dialog inert (no clicks, no focus, hidden from assistive
 * tech) by setting `inert` on every element that neither contains the dialog nor is inside it: the
 * other children of each of the dialog's ancestors up to <body>. No portal is needed, so dialogs
 * rendered inside the top bar work too.
 *
 * One module-wide stack, because a dialog can open over another (the sign-in form when a session
 * ends while Add article is open) and may live in a part of the page the first one made inert:
 * only the newest dialog's background is inert, and closing it gives the one below its own back.
 * Only attributes set here are ever removed; elements inert for another reason are left alone.
 */
const stack: HTMLElement[] = [];
const marked = new Set<Element>();
let watcher: MutationObserver | null = null;

function clear(): void {
  for (const el of marked) el.removeAttribute('inert');
  marked.clear();
  watcher?.disconnect();
}

function apply(): void {
  clear();
  const dialog = stack[stack.length - 1];
  if (!dialog) return;
  // Children added later beside the dialog's ancestors (a toast, say) must be inert too.
  watcher ??= new MutationObserver(apply);
  for (let node: HTMLElement = dialog; node.parentElement && node !== document.body; node = node.parentElement) {
    const parent = node.parentElement;
    watcher.observe(parent, { childList: true });
    for (const sibling of parent.children) {
      if (sibling === node || sibling.hasAttribute('inert') || sibling instanceof HTMLScriptElement) continue;
      sibling.setAttribute('inert', '');
      marked.add(sibling);
    }
  }
}

/** Makes everything but `dialog` (and its ancestors) inert until the returned release is called. */
export function inertBackground(dialog: HTMLElement): () => void {
  stack.push(dialog);
  apply();
  return () => {
    const at = stack.lastIndexOf(dialog);
    if (at >= 0) stack.splice(at, 1);
    apply();
  };
}

/** Whether `dialog` is the newest open one (the one keys are for, when dialogs are nested). */
export function isTopDialog(dialog: HTMLElement): boolean {
  return stack[stack.length - 1] === dialog;
}
