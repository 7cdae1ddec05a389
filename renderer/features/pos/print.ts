/**
 * Prints one element of the page: a copy goes into a top-level #print-root and, while
 * `body[data-printing]` is set, the print stylesheet shows only that copy (see styles.css,
 * "printing"). A copy, because the original may sit in a scrolling dialog or panel that would
 * clip it on paper.
 */
export function printElement(el: HTMLElement | null): void {
  if (!el) return;
  document.getElementById('print-root')?.remove();
  const root = document.createElement('div');
  root.id = 'print-root';
  root.append(el.cloneNode(true));
  document.body.append(root);
  document.body.dataset.printing = 'on';
  const done = () => {
    window.removeEventListener('afterprint', done);
    // A later print may have replaced this one: leave that one alone.
    if (!root.isConnected) return;
    root.remove();
    delete document.body.dataset.printing;
  };
  window.addEventListener('afterprint', done);
  try {
    window.print();
  } finally {
    // Some environments (headless, kiosk) never fire afterprint.
    setTimeout(done, 2000);
  }
}
