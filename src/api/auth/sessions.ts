import { randomBytes } from 'node:crypto';
import type { Identity } from './identity';

export const SESSION_COOKIE = 'specforge_session';
const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface Session {
  identity: Identity;
  csrfToken: string;
  expiresAt: number;
}

/**
 * Review-page sessions, kept in the API's memory: signing out really ends one, and a restart
 * signs everybody out (they sign in again with their token).
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(identity: Omit<Identity, 'via'>): { id: string; session: Session } {
    this.sweep();
    const id = randomBytes(32).toString('base64url');
    const session = {
      identity: { ...identity, via: 'session' as const },
      csrfToken: randomBytes(24).toString('base64url'),
      expiresAt: Date.now() + SESSION_LIFETIME_MS,
    };
    this.sessions.set(id, session);
    return { id, session };
  }

  find(id: string | undefined): Session | undefined {
    const session = id ? this.sessions.get(id) : undefined;
    if (!session || session.expiresAt > Date.now()) return session;
    this.sessions.delete(id!);
    return undefined;
  }

  end(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, session] of this.sessions) if (session.expiresAt <= now) this.sessions.delete(id);
  }
}

export const SESSION_MAX_AGE_MS = SESSION_LIFETIME_MS;
