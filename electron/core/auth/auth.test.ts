import { afterEach, describe, expect, it } from 'vitest';
import { openStoreWithOwner, openTestStore, type TestStore } from '../testing/harness.ts';

let store: TestStore | null = null;
afterEach(() => store?.close());

describe('first run', () => {
  it('creates the owner, the default locations and logs the session in', async () => {
    const s = (store = openTestStore());
    expect(await s.call('system.status', {})).toMatchObject({ state: 'ready', needsSetup: true });
    const caller = { kind: 'session', sessionId: s.core.createSession() } as const;
    const session = await s.call(
      'auth.setupOwner',
      { storeName: 'Kiosco Mía', ownerName: 'Marta', pin: '1234' },
      caller,
    );
    expect(session.user).toMatchObject({ name: 'Marta', role: 'dueno' });
    expect(session.permissions).toContain('users.manage');
    expect((await s.call('stock.locations', {})).map((l) => l.name)).toEqual(['Salón', 'Depósito']);
    expect(await s.call('system.status', {})).toMatchObject({
      needsSetup: false,
      storeName: 'Kiosco Mía',
    });
  });

  it('refuses a second owner setup', async () => {
    const s = (store = await openStoreWithOwner());
    const r = await s.attempt('auth.setupOwner', {
      storeName: 'Otro',
      ownerName: 'Intruso',
      pin: '0000',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect((await s.call('users.list', {})).map((u) => u.name)).toEqual(['Marta']);
  });

  it('rejects a PIN that is not 4 to 8 digits, in Spanish, writing nothing', async () => {
    const s = (store = openTestStore());
    const r = await s.attempt('auth.setupOwner', {
      storeName: 'X',
      ownerName: 'Marta',
      pin: '12a',
    });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(!r.ok && r.error.message).toMatch(/PIN debe tener entre 4 y 8 números/);
    expect(await s.call('system.status', {})).toMatchObject({ needsSetup: true });
  });
});

describe('PIN login', () => {
  it('logs in with the right PIN and switches user in the same session', async () => {
    const s = (store = await openStoreWithOwner());
    const cajero = await s.call('users.create', { name: 'Lucía', role: 'cajero', pin: '5678' });
    const caller = await s.loginAs(cajero.id, '5678');
    expect((await s.call('auth.session', {}, caller)).user?.name).toBe('Lucía');
    const users = await s.call('auth.users', {});
    const owner = users.find((u) => u.role === 'dueno');
    await s.call('auth.login', { userId: owner?.id ?? '', pin: '1234' }, caller);
    expect((await s.call('auth.session', {}, caller)).user?.name).toBe('Marta');
  });

  it('locks a user for 5 minutes after 5 wrong PINs', async () => {
    const s = (store = await openStoreWithOwner());
    const u = await s.call('users.create', { name: 'Lucía', role: 'cajero', pin: '5678' });
    const caller = { kind: 'session', sessionId: s.core.createSession() } as const;
    for (let i = 1; i <= 4; i++) {
      const r = await s.attempt('auth.login', { userId: u.id, pin: '0000' }, caller);
      expect(r).toMatchObject({ ok: false, error: { code: 'WRONG_PIN' } });
      expect(!r.ok && r.error.message).toContain(
        i === 4 ? 'Te queda 1 intento.' : `Te quedan ${5 - i} intentos.`,
      );
    }
    const fifth = await s.attempt('auth.login', { userId: u.id, pin: '0000' }, caller);
    expect(fifth).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    // Even the right PIN is refused while locked.
    const right = await s.attempt('auth.login', { userId: u.id, pin: '5678' }, caller);
    expect(right).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(!right.ok && right.error.message).toMatch(/5 minutos/);
    s.clock.advance(5 * 60_000 + 1);
    expect((await s.call('auth.login', { userId: u.id, pin: '5678' }, caller)).user?.name).toBe(
      'Lucía',
    );
    const actions = (await s.call('audit.list', { limit: 50, entity: 'user' })).items.map(
      (e) => e.action,
    );
    expect(actions).toEqual(
      expect.arrayContaining(['auth.login_failed', 'auth.lock', 'auth.unlock']),
    );
  });

  it('stores PINs hashed with scrypt, never in clear', async () => {
    const s = (store = await openStoreWithOwner());
    const row = s.core.deps()?.db.prepare('SELECT pin_hash FROM users').get() as {
      pin_hash: string;
    };
    expect(row.pin_hash).toMatch(/^scrypt\$/);
    expect(row.pin_hash).not.toContain('1234');
  });
});

describe('permissions per channel', () => {
  it('refuses calls before login and calls above the role', async () => {
    const s = (store = await openStoreWithOwner());
    const anon = { kind: 'session', sessionId: s.core.createSession() } as const;
    expect(await s.attempt('catalog.search', {}, anon)).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' },
    });
    const cajero = await s.call('users.create', { name: 'Lucía', role: 'cajero', pin: '5678' });
    const caller = await s.loginAs(cajero.id, '5678');
    expect((await s.attempt('catalog.search', {}, caller)).ok).toBe(true);
    const r = await s.attempt(
      'users.create',
      { name: 'Pirata', role: 'dueno', pin: '1111' },
      caller,
    );
    expect(r).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await s.call('users.list', {})).map((u) => u.name)).not.toContain('Pirata');
  });

  it('answers an unknown channel and a malformed payload with Spanish errors', async () => {
    const s = (store = await openStoreWithOwner());
    expect(await s.core.invoke('nada.hacer', {}, s.system)).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    const r = await s.core.invoke('users.create', { name: '', role: 'jefe', pin: 12 }, s.system);
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    // The schema's own sentence, not «Datos inválidos — name: …».
    expect(!r.ok && r.error.message).toBe('El nombre no puede estar vacío');
  });

  it('keeps at least one active owner', async () => {
    const s = (store = await openStoreWithOwner());
    const r = await s.attempt('users.update', { id: s.ownerId, role: 'cajero' });
    expect(r).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('a deactivated user is logged out on the next call', async () => {
    const s = (store = await openStoreWithOwner());
    const u = await s.call('users.create', { name: 'Lucía', role: 'cajero', pin: '5678' });
    const caller = await s.loginAs(u.id, '5678');
    await s.call('users.update', { id: u.id, active: false });
    expect(await s.attempt('catalog.search', {}, caller)).toMatchObject({
      ok: false,
      error: { code: 'NOT_LOGGED_IN' },
    });
  });
});
