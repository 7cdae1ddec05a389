import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { UserSummary } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import { formatTime } from '../../lib/format.ts';
import { APPROVAL_LABEL, ROLE_LABEL, t } from '../../lib/strings.ts';
import { useSession } from '../../stores/session.ts';
import { rolesFor, useApprovalRequest, type ApprovalRequest } from './approval.ts';
import { Modal } from './Modal.tsx';

const a = t.approval;

export function ApprovalModal() {
  const request = useApprovalRequest((s) => s.request);
  if (!request) return null;
  // Keyed so every request starts with an empty PIN.
  return <ApprovalForm key={`${request.action}:${request.summary}`} request={request} />;
}

function ApprovalForm({ request }: { request: ApprovalRequest }) {
  const me = useSession((s) => s.session?.user ?? null);
  const [users, setUsers] = useState<UserSummary[] | null>(null);
  const [supervisorId, setSupervisorId] = useState('');
  const [pin, setPin] = useState('');
  const [reason, setReason] = useState(request.reason ?? '');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pinInput = useRef<HTMLInputElement>(null);
  const roles = rolesFor(request.action);

  useEffect(() => {
    let live = true;
    call('auth.users', {}).then(
      (list) => live && setUsers(list.filter((u) => u.active && roles.includes(u.role))),
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [roles]);

  // The supervisor at the counter is the natural choice; they still type their own PIN.
  const lastId = useApprovalRequest((s) => s.lastSupervisorId);
  const eligibleMe = users?.find((u) => u.id === me?.id);
  const lastOne = users?.find((u) => u.id === lastId);
  const chosen = supervisorId || eligibleMe?.id || lastOne?.id || users?.[0]?.id || '';

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (chosen === '' || pin === '' || busy) return;
    setBusy(true);
    setError(null);
    try {
      const approval = await call('auth.authorize', {
        supervisorId: chosen,
        pin,
        action: request.action,
        ...(reason.trim() ? { reason: reason.trim() } : {}),
        ...(request.details ? { details: request.details } : {}),
      });
      useApprovalRequest.setState({ lastSupervisorId: chosen });
      request.resolve(approval);
    } catch (err) {
      setError(errorMessage(err));
      setPin('');
      setBusy(false);
      pinInput.current?.focus();
    }
  }

  return (
    <Modal title={a.title} onClose={() => request.resolve(null)} testId="approval-modal">
      <form className="stack" onSubmit={(e) => void submit(e)}>
        <p className="approval-what">
          <strong>{APPROVAL_LABEL[request.action]}</strong>
          <br />
          <span data-testid="approval-summary">{request.summary}</span>
        </p>
        {roles.length === 1 && <p className="muted small">{a.onlyOwner}</p>}
        {users && users.length === 0 && <p className="notice">{a.noSupervisors}</p>}
        <label className="field">
          <span>{a.supervisor}</span>
          <select
            value={chosen}
            onChange={(e) => {
              setSupervisorId(e.target.value);
              pinInput.current?.focus();
            }}
            data-testid="approval-supervisor"
          >
            {users?.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} · {ROLE_LABEL[u.role]}
                {u.lockedUntil !== null && u.lockedUntil > Date.now()
                  ? ` · ${t.login.lockedUntil(formatTime(u.lockedUntil))}`
                  : ''}
              </option>
            ))}
          </select>
        </label>
        {chosen !== '' && chosen === me?.id && <p className="muted small">{a.ownPin}</p>}
        <label className="field">
          <span>{a.pin}</span>
          <input
            ref={pinInput}
            className="pin-input"
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={pin}
            onChange={(e) => setPin(e.target.value.replace(/\D/g, '').slice(0, 8))}
            autoFocus
            data-testid="approval-pin"
          />
        </label>
        {request.reason === undefined && (
          <label className="field">
            <span>{a.reason}</span>
            <input
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              maxLength={200}
              data-testid="approval-reason"
            />
          </label>
        )}
        {error && (
          <p className="error-box" role="alert" data-testid="approval-error">
            {error}
          </p>
        )}
        <div className="actions">
          <button
            type="submit"
            className="btn primary big"
            disabled={busy || pin === '' || chosen === ''}
            data-testid="approval-submit"
          >
            {a.submit}
          </button>
          <button type="button" className="btn link" onClick={() => request.resolve(null)}>
            {t.cancel}
          </button>
        </div>
      </form>
    </Modal>
  );
}
