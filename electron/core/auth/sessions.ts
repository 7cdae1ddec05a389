import { randomBytes } from 'node:crypto';
import type { SessionState } from '../context.ts';

/**
 * Transport sessions: one per Electron window or browser cookie. The session id is
 * a random secret (it is the web host's cookie value), never a database id.
 */
export type SessionStore = {
  create(): SessionState;
  get(id: string): SessionState | undefined;
  drop(id: string): void;
  /** Logs a user out everywhere (deactivated users). */
  forgetUser(userId: string): void;
};

export function createSessionStore(now: () => number): SessionStore {
  const sessions = new Map<string, SessionState>();
  return {
    create() {
      const s: SessionState = {
        id: randomBytes(24).toString('base64url'),
        userId: null,
        createdAt: now(),
        lastSeen: now(),
      };
      sessions.set(s.id, s);
      return s;
    },
    get(id) {
      const s = sessions.get(id);
      if (s) s.lastSeen = now();
      return s;
    },
    drop(id) {
      sessions.delete(id);
    },
    forgetUser(userId) {
      for (const s of sessions.values()) if (s.userId === userId) s.userId = null;
    },
  };
}
