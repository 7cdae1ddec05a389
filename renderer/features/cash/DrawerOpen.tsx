import { useState, type FormEvent } from 'react';
import { call, errorMessage } from '../../lib/api.ts';
import { t } from '../../lib/strings.ts';
import { requestApproval } from '../pos/approval.ts';

const c = t.cash;

/** Opening the drawer without a sale: a supervisor authorises it and it is recorded. */
export function DrawerOpen({ onDone }: { onDone(): void }) {
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setMessage(null);
    const why = reason.trim();
    if (why === '') return setMessage({ ok: false, text: t.move.reasonRequired });
    setBusy(true);
    try {
      const approval = await requestApproval('drawer.open', { summary: why, reason: why });
      if (!approval) return;
      await call('cash.openDrawer', { approvalId: approval.id, reason: why });
      setMessage({ ok: true, text: c.drawerDone });
      setReason('');
      onDone();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline" onSubmit={(e) => void submit(e)} aria-label={c.drawer}>
      <label className="field grow">
        <span>{c.drawerReason}</span>
        <input
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          list="drawer-reasons"
          maxLength={200}
          data-testid="cash-drawer-reason"
        />
        <datalist id="drawer-reasons">
          {c.drawerReasons.map((r) => (
            <option key={r} value={r} />
          ))}
        </datalist>
      </label>
      <button type="submit" className="btn" disabled={busy} data-testid="cash-drawer-open">
        {c.drawer}
      </button>
      {message && (
        <p
          className={message.ok ? 'ok-box' : 'error-box'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="cash-drawer-result"
        >
          {message.text}
        </p>
      )}
    </form>
  );
}
