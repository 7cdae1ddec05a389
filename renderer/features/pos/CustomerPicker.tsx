import { useState, type KeyboardEvent } from 'react';
import type { Customer } from '../../../shared/contract/index.ts';
import { useDebouncedValue } from '../../lib/debounce.ts';
import { formatMoney } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { Modal } from './Modal.tsx';

const cp = t.customerPicker;

/** Picks a customer for fiado: type part of the name, arrows and Enter. */
export function CustomerPicker({
  onPick,
  onClose,
}: {
  onPick(customer: Customer | null): void;
  onClose(): void;
}) {
  const [text, setText] = useState('');
  const [highlight, setHighlight] = useState(0);
  const query = useDebouncedValue(text.trim(), 150);
  const list = useQuery('customers.list', { text: query, limit: 30 });
  const items = (list.data ?? []).filter((c) => c.active);

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setHighlight((h) => Math.min(h + 1, items.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setHighlight((h) => Math.max(h - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const picked = items[highlight];
      if (picked) onPick(picked);
    }
  }

  return (
    <Modal title={cp.title} onClose={onClose} testId="customer-picker">
      <label className="field">
        <span>{cp.search}</span>
        <input
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setHighlight(0);
          }}
          onKeyDown={onKeyDown}
          autoFocus
          autoComplete="off"
          data-testid="customer-pick-search"
        />
      </label>
      {list.error && <p className="error-box">{list.error}</p>}
      {!list.loading && items.length === 0 && <p className="muted">{cp.none}</p>}
      <ul className="result-list picker-list" role="listbox" aria-label={cp.title}>
        {items.map((c, i) => (
          <li key={c.id} role="option" aria-selected={i === highlight}>
            <button
              type="button"
              className={i === highlight ? 'result active' : 'result'}
              onClick={() => onPick(c)}
              data-testid="customer-pick-row"
            >
              <span className="result-name">
                {c.name}
                {c.document && <span className="muted"> · {c.document}</span>}
              </span>
              <span className="muted small">
                {t.pay.balance(formatMoney(c.balance), formatMoney(c.creditLimit))}
              </span>
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="btn link" onClick={() => onPick(null)}>
          {cp.clear}
        </button>
      </div>
    </Modal>
  );
}
