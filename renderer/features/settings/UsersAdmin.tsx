import { useState, type FormEvent } from 'react';
import type { Role, UserSummary } from '../../../shared/contract/index.ts';
import { call, errorMessage } from '../../lib/api.ts';
import {
  FormResult,
  PinField,
  SelectField,
  SubmitActions,
  TextField,
  type FormMessage,
} from '../../lib/fields.tsx';
import { formatTime } from '../../lib/format.ts';
import { useQuery } from '../../lib/hooks.ts';
import { ROLE_LABEL, t } from '../../lib/strings.ts';
import { useSession } from '../../stores/session.ts';

const ROLES = Object.keys(ROLE_LABEL) as Role[];
const PIN = /^\d{4,8}$/;
const u = t.users;

export function UsersAdmin() {
  const users = useQuery('users.list', {});
  const loadLoginUsers = useSession((s) => s.loadUsers);
  function changed() {
    users.reload();
    void loadLoginUsers().catch(() => undefined);
  }
  return (
    <div className="stack">
      {users.error && <p className="error-box">{users.error}</p>}
      <div className="card table-wrap">
        <table className="table" data-testid="users-table">
          <thead>
            <tr>
              <th scope="col">{u.name}</th>
              <th scope="col">{u.role}</th>
              <th scope="col">{u.active}</th>
              <th scope="col">{u.pin}</th>
            </tr>
          </thead>
          <tbody>
            {users.data?.map((user) => (
              <UserRow key={user.id} user={user} onChanged={changed} />
            ))}
          </tbody>
        </table>
      </div>
      <NewUser onCreated={changed} />
    </div>
  );
}

function UserRow({ user, onChanged }: { user: UserSummary; onChanged(): void }) {
  const [pin, setPin] = useState('');
  const [editingPin, setEditingPin] = useState(false);
  const [message, setMessage] = useState<FormMessage>(null);

  async function run(action: () => Promise<unknown>, okText: string) {
    setMessage(null);
    try {
      await action();
      setMessage({ ok: true, text: okText });
      onChanged();
    } catch (e) {
      setMessage({ ok: false, text: errorMessage(e) });
    }
  }

  async function savePin(e: FormEvent) {
    e.preventDefault();
    if (!PIN.test(pin)) return setMessage({ ok: false, text: t.setup.pinInvalid });
    await run(() => call('users.setPin', { id: user.id, pin }), u.pinChanged);
    setPin('');
    setEditingPin(false);
  }

  const locked = user.lockedUntil !== null && user.lockedUntil > Date.now();
  return (
    <tr data-testid={`user-row-${user.name}`}>
      <td className="strong">
        {user.name}
        {locked && (
          <div className="small negative">
            {t.login.lockedUntil(formatTime(user.lockedUntil ?? 0))}
          </div>
        )}
      </td>
      <td>
        <label>
          <span className="sr-only">{u.role}</span>
          <select
            value={user.role}
            onChange={(e) =>
              void run(
                () => call('users.update', { id: user.id, role: e.target.value as Role }),
                t.saved,
              )
            }
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
      </td>
      <td>
        <label className="check">
          <input
            type="checkbox"
            checked={user.active}
            onChange={(e) =>
              void run(
                () => call('users.update', { id: user.id, active: e.target.checked }),
                t.saved,
              )
            }
          />
          {user.active ? t.yes : t.no}
        </label>
      </td>
      <td>
        {editingPin ? (
          <form className="inline" onSubmit={(e) => void savePin(e)}>
            <label>
              <span className="sr-only">{u.newPin}</span>
              <input
                type="password"
                inputMode="numeric"
                autoComplete="new-password"
                value={pin}
                onChange={(e) => setPin(e.target.value.replace(/\D/g, ''))}
                maxLength={8}
                autoFocus
                placeholder={u.newPin}
              />
            </label>
            <button type="submit" className="btn small primary">
              {t.save}
            </button>
            <button type="button" className="btn small link" onClick={() => setEditingPin(false)}>
              {t.cancel}
            </button>
          </form>
        ) : (
          <button type="button" className="btn small" onClick={() => setEditingPin(true)}>
            {u.changePin}
          </button>
        )}
        {message && (
          <div className={message.ok ? 'small positive' : 'small negative'}>{message.text}</div>
        )}
      </td>
    </tr>
  );
}

function NewUser({ onCreated }: { onCreated(): void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('cajero');
  const [pin, setPin] = useState('');
  const [pin2, setPin2] = useState('');
  const [message, setMessage] = useState<FormMessage>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!PIN.test(pin)) return setMessage({ ok: false, text: t.setup.pinInvalid });
    if (pin !== pin2) return setMessage({ ok: false, text: t.setup.pinMismatch });
    try {
      const user = await call('users.create', { name, role, pin });
      setMessage({ ok: true, text: u.created(user.name) });
      setName('');
      setPin('');
      setPin2('');
      onCreated();
    } catch (err) {
      setMessage({ ok: false, text: errorMessage(err) });
    }
  }

  return (
    <form
      className="card form-grid"
      onSubmit={(e) => void submit(e)}
      aria-labelledby="new-user-title"
    >
      <h3 id="new-user-title" className="span2">
        {u.newTitle}
      </h3>
      <TextField
        label={u.name}
        value={name}
        onChange={setName}
        required
        maxLength={120}
        testId="user-new-name"
      />
      <SelectField
        label={u.role}
        value={role}
        onChange={setRole}
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABEL[r] }))}
        testId="user-new-role"
      />
      <PinField label={t.setup.pin} value={pin} onChange={setPin} testId="user-new-pin" />
      <PinField label={t.setup.pin2} value={pin2} onChange={setPin2} testId="user-new-pin2" />
      <FormResult message={message} className="span2" testId="user-new-message" />
      <SubmitActions label={u.create} className="span2" testId="user-new-submit" />
    </form>
  );
}
