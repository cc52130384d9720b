/**
 * Server-side sessions in SQLite. The browser holds a random token; the table holds only its
 * SHA-256, so a copy of the database (a backup, say) cannot be used to sign in.
 */
import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db';
import * as t from '../db/schema';
import { actsForOrganizations, isRole, type SessionUser } from './types';

export const SESSION_COOKIE = 'tsunagi_session';
const SESSION_LIFETIME_MS = 7 * 24 * 60 * 60_000;
/**
 * A session lasts SESSION_LIFETIME_MS from its last use: each use moves the expiry forward, at
 * most once an hour (so busy pages do not write the sessions table on every request).
 */
const RENEW_INTERVAL_MS = 60 * 60_000;

export interface CookieOptions {
	path: string;
	httpOnly: true;
	sameSite: 'lax';
	secure: boolean;
	maxAge: number;
}

/** httpOnly (no script can read it), SameSite=Lax (no cross-site POST carries it), Secure on https. */
export function sessionCookieOptions(url: URL): CookieOptions {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:',
		maxAge: SESSION_LIFETIME_MS / 1000
	};
}

export function hashToken(token: string): string {
	return createHash('sha256').update(token).digest('hex');
}

export interface ValidatedSession {
	session: { id: string; expiresAt: string };
	user: SessionUser;
	/** True when the expiry moved and the cookie should be sent again. */
	renewed: boolean;
}

/** Housekeeping writes that must not turn a read into an error while the database is read-only. */
function whenWritable(write: () => unknown): boolean {
	try {
		write();
		return true;
	} catch {
		return false;
	}
}

export function createSession(db: AppDatabase, userId: string, now = new Date()): { token: string; expiresAt: Date } {
	const token = randomBytes(32).toString('base64url');
	const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
	db.insert(t.sessions)
		.values({ id: hashToken(token), userId, expiresAt: expiresAt.toISOString(), createdAt: now.toISOString() })
		.run();
	return { token, expiresAt };
}

export function loadSessionUser(db: AppDatabase, userId: string): SessionUser | null {
	const user = db.select().from(t.users).where(eq(t.users.id, userId)).get();
	if (!user || user.disabled || !isRole(user.role)) return null;
	const memberships = db
		.select({ organizationId: t.organizationMembers.organizationId })
		.from(t.organizationMembers)
		.where(eq(t.organizationMembers.userId, userId))
		.all();
	return {
		id: user.id,
		email: user.email,
		displayName: user.displayName,
		role: user.role,
		organizationIds: actsForOrganizations(user.role) ? memberships.map((m) => m.organizationId) : []
	};
}

export function validateSessionToken(db: AppDatabase, token: string, now = new Date()): ValidatedSession | null {
	const id = hashToken(token);
	const session = db.select().from(t.sessions).where(eq(t.sessions.id, id)).get();
	if (!session) return null;
	if (Date.parse(session.expiresAt) <= now.getTime()) {
		whenWritable(() => db.delete(t.sessions).where(eq(t.sessions.id, id)).run());
		return null;
	}
	const user = loadSessionUser(db, session.userId);
	if (!user) return null;
	let expiresAt = session.expiresAt;
	const renewed = Date.parse(session.expiresAt) - now.getTime() < SESSION_LIFETIME_MS - RENEW_INTERVAL_MS;
	if (renewed) {
		const extended = new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString();
		if (whenWritable(() => db.update(t.sessions).set({ expiresAt: extended }).where(eq(t.sessions.id, id)).run())) expiresAt = extended;
	}
	return { session: { id, expiresAt }, user, renewed: expiresAt !== session.expiresAt };
}

export function invalidateSession(db: AppDatabase, sessionId: string): void {
	db.delete(t.sessions).where(eq(t.sessions.id, sessionId)).run();
}

/** After a password change or when an account is disabled: every device signs in again. */
export function invalidateUserSessions(db: AppDatabase, userId: string, exceptSessionId?: string): void {
	const sessions = db.select({ id: t.sessions.id }).from(t.sessions).where(eq(t.sessions.userId, userId)).all();
	for (const { id } of sessions) if (id !== exceptSessionId) invalidateSession(db, id);
}
