import { useState } from 'react';
import type { ApprovalAction, ReturnRecord } from '../../../shared/contract/index.ts';
import { uuidv7 } from '../../../shared/domain/uuid.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatMoney } from '../../lib/format.ts';
import { TENDER_LABEL, t } from '../../lib/strings.ts';
import { useCan } from '../../stores/session.ts';
import { requestApproval } from '../pos/approval.ts';
import { NoTicketReturn } from './NoTicketReturn.tsx';
import type { RefundChoice } from './RefundFields.tsx';
import { TicketReturn } from './TicketReturn.tsx';

const r = t.returns;

export type ReturnRequest = {
  action: Extract<ApprovalAction, 'return' | 'return.no_ticket'>;
  saleId: string | null;
  summary: string;
  lines: { saleLineId?: string; productId?: string; unitPrice?: number; qty: number }[];
  total: number;
  choice: RefundChoice;
};

/** Asks the supervisor and records the return; resolves to an error message, or null. */
export type SubmitReturn = (req: ReturnRequest) => Promise<string | null>;

export function ReturnsPage({ saleId }: { saleId: string | null }) {
  const canReturn = useCan('sales.return');
  const [mode, setMode] = useState<'ticket' | 'sin'>('ticket');
  const [round, setRound] = useState(0);
  // One key per return being prepared: a retry after a lost answer cannot refund twice.
  const [key, setKey] = useState(() => uuidv7());
  const [done, setDone] = useState<ReturnRecord | null>(null);

  if (!canReturn) return <p className="notice">{t.noPermission}</p>;

  const submit: SubmitReturn = async (req) => {
    const reason = req.choice.reason.trim();
    const approval = await requestApproval(req.action, {
      summary: req.summary,
      reason,
      details: { saleId: req.saleId, lines: req.lines, total: req.total },
    });
    if (!approval) return null;
    try {
      const record = await call('sales.return', {
        ...(req.saleId ? { saleId: req.saleId } : {}),
        lines: req.lines,
        destination: req.choice.destination,
        refunds: [{ tender: req.choice.tender, amount: req.total }],
        reason,
        approvalId: approval.id,
        idempotencyKey: key,
      });
      setDone(record);
      return null;
    } catch (e) {
      return errorMessage(e);
    }
  };

  function another() {
    setDone(null);
    setKey(uuidv7());
    setRound((n) => n + 1);
  }

  return (
    <div className="stack narrow-page wide-page" data-testid="returns-page">
      <div className="segmented" role="group" aria-label={r.title}>
        <button
          type="button"
          className={mode === 'ticket' ? 'btn active' : 'btn'}
          aria-pressed={mode === 'ticket'}
          onClick={() => setMode('ticket')}
          data-testid="return-mode-ticket"
        >
          {r.withTicket}
        </button>
        <button
          type="button"
          className={mode === 'sin' ? 'btn active' : 'btn'}
          aria-pressed={mode === 'sin'}
          onClick={() => setMode('sin')}
          data-testid="return-mode-no-ticket"
        >
          {r.noTicket}
        </button>
      </div>
      {done ? (
        <section className="ok-box stack" data-testid="return-done" role="status">
          <p className="big-text">{r.done(formatMoney(done.total))}</p>
          <ul>
            {done.refunds.map((x, i) => (
              <li key={i}>
                {TENDER_LABEL[x.tender]}: <strong>{formatMoney(x.amount)}</strong>
              </li>
            ))}
          </ul>
          <div className="actions">
            <button
              type="button"
              className="btn primary"
              onClick={another}
              autoFocus
              data-testid="return-another"
            >
              {r.another}
            </button>
          </div>
        </section>
      ) : mode === 'ticket' ? (
        <TicketReturn key={round} initialSaleId={round === 0 ? saleId : null} submit={submit} />
      ) : (
        <NoTicketReturn key={round} submit={submit} />
      )}
    </div>
  );
}
