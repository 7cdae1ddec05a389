import { useState, type FormEvent } from 'react';
import { call } from '../../lib/api.ts';
import { FormResult, TextField } from '../../lib/fields.tsx';
import { useFormSubmit } from '../../lib/hooks.ts';
import { t } from '../../lib/strings.ts';
import { requestApproval } from '../pos/approval.ts';

const c = t.cash;

/** Opening the drawer without a sale: a supervisor authorises it and it is recorded. */
export function DrawerOpen({ onDone }: { onDone(): void }) {
  const [reason, setReason] = useState('');
  const { message, busy, run, fail, succeed, clear } = useFormSubmit();

  async function submit(e: FormEvent) {
    e.preventDefault();
    clear();
    const why = reason.trim();
    if (why === '') return fail(t.move.reasonRequired);
    await run(async () => {
      const approval = await requestApproval('drawer.open', { summary: why, reason: why });
      if (!approval) return;
      await call('cash.openDrawer', { approvalId: approval.id, reason: why });
      succeed(c.drawerDone);
      setReason('');
      onDone();
    });
  }

  return (
    <form className="inline" onSubmit={(e) => void submit(e)} aria-label={c.drawer}>
      <TextField
        className="field grow"
        label={c.drawerReason}
        value={reason}
        onChange={setReason}
        suggestions={c.drawerReasons}
        listId="drawer-reasons"
        maxLength={200}
        testId="cash-drawer-reason"
      />
      <button type="submit" className="btn" disabled={busy} data-testid="cash-drawer-open">
        {c.drawer}
      </button>
      <FormResult message={message} testId="cash-drawer-result" />
    </form>
  );
}
