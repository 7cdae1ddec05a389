import { create } from 'zustand';
import type {
  AppEvent,
  Permission,
  Session,
  SyncState,
  SystemStatus,
  UserSummary,
} from '../../shared/contract/index.ts';
import { ApiError, call, errorMessage, getApi, setNotLoggedInHandler } from '../lib/api.ts';

export type Phase =
  | { kind: 'starting' }
  | { kind: 'unreachable'; message: string }
  | { kind: 'recovery'; status: Extract<SystemStatus, { state: 'error' }> }
  | { kind: 'setup' }
  | { kind: 'login' }
  | { kind: 'ready' };

type SessionState = {
  phase: Phase;
  status: Extract<SystemStatus, { state: 'ready' }> | null;
  session: Session | null;
  users: UserSummary[];
  sync: { state: SyncState; pending: number };
  start(): Promise<void>;
  refreshStatus(): Promise<void>;
  setupOwner(input: { storeName: string; ownerName: string; pin: string }): Promise<void>;
  login(userId: string, pin: string): Promise<void>;
  /** Back to the login screen; the current page (hash) is kept for the next user. */
  switchUser(): Promise<void>;
  logout(): Promise<void>;
  refreshSession(): Promise<void>;
  loadUsers(): Promise<void>;
};

export const useSession = create<SessionState>()((set, get) => ({
  phase: { kind: 'starting' },
  status: null,
  session: null,
  users: [],
  sync: { state: 'off', pending: 0 },

  async start() {
    set({ phase: { kind: 'starting' } });
    let status: SystemStatus;
    try {
      status = await call('system.status', {});
    } catch (e) {
      set({ phase: { kind: 'unreachable', message: errorMessage(e) } });
      return;
    }
    if (status.state === 'error') {
      set({ phase: { kind: 'recovery', status }, status: null });
      return;
    }
    set({ status });
    if (status.needsSetup) {
      set({ phase: { kind: 'setup' } });
      return;
    }
    try {
      // A reload keeps the host's session (cookie): go straight back in.
      const session = await call('auth.session', {});
      if (session.user) {
        set({ session, phase: { kind: 'ready' } });
        return;
      }
      await get().loadUsers();
      set({ session, phase: { kind: 'login' } });
    } catch (e) {
      set({ phase: { kind: 'unreachable', message: errorMessage(e) } });
    }
  },

  async refreshStatus() {
    const status = await call('system.status', {});
    if (status.state === 'ready') set({ status });
  },

  async setupOwner(input) {
    const session = await call('auth.setupOwner', input);
    set({ session });
    await get().refreshStatus();
    set({ phase: { kind: 'ready' } });
  },

  async login(userId, pin) {
    try {
      const session = await call('auth.login', { userId, pin });
      set({ session, phase: { kind: 'ready' } });
    } catch (e) {
      // A wrong PIN may have locked the user: refresh so the list shows it.
      if (e instanceof ApiError && (e.code === 'WRONG_PIN' || e.code === 'LOCKED')) {
        void get()
          .loadUsers()
          .catch(() => undefined);
      }
      throw e;
    }
  },

  async switchUser() {
    await call('auth.logout', {}).catch(() => undefined);
    set({ session: null });
    await get()
      .loadUsers()
      .catch(() => undefined);
    set({ phase: { kind: 'login' } });
  },

  async logout() {
    await get().switchUser();
    location.hash = '#/caja';
  },

  async refreshSession() {
    const session = await call('auth.session', {});
    if (session.user) {
      set({ session });
    } else if (get().phase.kind === 'ready') {
      await get()
        .loadUsers()
        .catch(() => undefined);
      set({ session, phase: { kind: 'login' } });
    }
  },

  async loadUsers() {
    const users = await call('auth.users', {});
    set({ users: users.filter((u) => u.active) });
  },
}));

export function hasPermission(session: Session | null, permission: Permission): boolean {
  return session?.permissions.includes(permission) ?? false;
}

export function useCan(permission: Permission): boolean {
  return useSession((s) => hasPermission(s.session, permission));
}

function onEvent(event: AppEvent): void {
  const state = useSession.getState();
  switch (event.type) {
    case 'sync.status':
      useSession.setState({ sync: event.payload });
      break;
    case 'session.changed':
      if (state.phase.kind === 'ready') void state.refreshSession().catch(() => undefined);
      break;
    default:
      break;
  }
}

/** Wires the store to the event stream and to "not logged in" answers; returns a cleanup. */
export function connectSession(): () => void {
  setNotLoggedInHandler(() => {
    const { phase, switchUser } = useSession.getState();
    if (phase.kind === 'ready') void switchUser();
  });
  const unsubscribe = getApi().subscribe(onEvent);
  return () => {
    unsubscribe();
    setNotLoggedInHandler(null);
  };
}
