import { useEffect, useRef, type RefObject } from 'react';
import {
  feedKey,
  joinSplitScan,
  tick,
  WEDGE_IDLE,
  SCAN_GAP_MS,
  type TypedText,
  type WedgeState,
} from './wedge.ts';
import { modalOpen } from './Modal.tsx';

export type CounterKeyHandlers = {
  /** A scanner sent a code; `at` is the keydown's timestamp (performance.now() clock). */
  scan(code: string, at: number): void;
  /** Enter typed by a person, after any held text went into the search box. */
  enter(): void;
  /** The search box's text changed by typing. */
  searchChanged(text: string): void;
  arrow(direction: 1 | -1): boolean;
  /** F1…F12; returns true when handled (the browser's own action is then prevented). */
  fkey(key: string): boolean;
  escape(): void;
  /** Delete (Supr) with an empty search box. */
  deleteKey(): void;
};

function isField(el: Element | null): boolean {
  return Boolean(el?.closest('input, textarea, select, [contenteditable]'));
}

/**
 * The sale screen's keyboard: a scan lands wherever the focus is (outside dialogs and other
 * fields), slow typing goes to the search box, F-keys and Esc act on the ticket.
 */
export function useCounterKeys(
  search: RefObject<HTMLInputElement | null>,
  handlers: CounterKeyHandlers,
): void {
  const latest = useRef(handlers);
  useEffect(() => {
    latest.current = handlers;
  });

  useEffect(() => {
    let wedge: WedgeState = WEDGE_IDLE;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let typed: TypedText = { text: '', firstAt: 0, lastAt: 0 };

    function insert(text: string, at = performance.now()) {
      const input = search.current;
      if (!input || text === '') return;
      typed = {
        text: input.value === '' ? text : input.value + text,
        firstAt: input.value === '' ? at : typed.firstAt,
        lastAt: at,
      };
      if (document.activeElement !== input) {
        input.focus();
        input.setSelectionRange(input.value.length, input.value.length);
      }
      input.setRangeText(
        text,
        input.selectionStart ?? input.value.length,
        input.selectionEnd ?? input.value.length,
        'end',
      );
      latest.current.searchChanged(input.value);
    }

    function schedule() {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        const step = tick(wedge, performance.now());
        wedge = step.state;
        if (step.action.kind === 'flush') insert(step.action.text);
      }, SCAN_GAP_MS + 5);
    }

    function onKeyDown(e: KeyboardEvent) {
      if (modalOpen()) {
        // Dialogs handle their own keys; F5 must not reload the page under an open ticket.
        if (/^F([1-9]|10)$/.test(e.key)) e.preventDefault();
        return;
      }
      const h = latest.current;
      if (/^F\d{1,2}$/.test(e.key)) {
        if (h.fkey(e.key)) {
          e.preventDefault();
          // Handled here: a dialog it opens must not see the same key press.
          e.stopPropagation();
        }
        return;
      }
      const target = e.target instanceof Element ? e.target : null;
      const inSearch = target !== null && target === search.current;
      if (!inSearch && isField(target)) return;
      if (e.ctrlKey || e.altKey || e.metaKey || e.isComposing) return;
      const onControl = !inSearch && Boolean(target?.closest('button, a[href], [role="button"]'));
      // Space on a focused button presses it, as everywhere else.
      if (onControl && e.key === ' ' && wedge.buffer === '') return;

      const step = feedKey(wedge, e.key, e.timeStamp || performance.now());
      wedge = step.state;
      const action = step.action;
      if (action.kind === 'flush') insert(action.text);

      if (e.key.length === 1) {
        // Held back until we know whether a person or the scanner typed it.
        e.preventDefault();
        schedule();
        return;
      }
      switch (e.key) {
        case 'Enter':
          // Enter on a focused button presses it, unless a scan or typed text is pending.
          if (onControl && action.kind === 'enter' && action.text === '') return;
          e.preventDefault();
          if (action.kind === 'scan') {
            const value = search.current?.value ?? '';
            const joined = joinSplitScan({ ...typed, text: value }, action);
            if (joined.usedTyped) h.searchChanged('');
            h.scan(joined.code, e.timeStamp || performance.now());
          } else if (action.kind === 'enter') {
            insert(action.text);
            h.enter();
          }
          return;
        case 'Escape':
          e.preventDefault();
          h.escape();
          return;
        case 'ArrowDown':
        case 'ArrowUp':
          if (h.arrow(e.key === 'ArrowDown' ? 1 : -1)) e.preventDefault();
          return;
        case 'Delete':
          if ((search.current?.value ?? '') === '') {
            e.preventDefault();
            h.deleteKey();
          }
          return;
        case 'Backspace':
          if (!inSearch && search.current && search.current.value !== '') {
            e.preventDefault();
            search.current.focus();
            latest.current.searchChanged(search.current.value.slice(0, -1));
          }
          return;
        default:
          return;
      }
    }

    // Capture: the scanner must win over whatever button or link has the focus.
    window.addEventListener('keydown', onKeyDown, true);
    return () => {
      window.removeEventListener('keydown', onKeyDown, true);
      if (timer !== undefined) clearTimeout(timer);
    };
  }, [search]);
}
