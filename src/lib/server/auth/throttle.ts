/**
 * Counting attempts per key in a sliding window (login_attempts table), so limits hold across
 * restarts and processes. Used for failed logins (per account and per IP) and for the public
 * suggestion form (per IP). Password checks reserve their attempt first (`reserve`), so the limit
 * holds under concurrent requests.
 */
import type { AppDatabase } from '../db';

export interface AttemptLimit {
	/** Attempts allowed inside the window; the next one is refused. */
	max: number;
	windowMs: number;
}

/** 10 wrong passwords a minute per account; the 11th is refused without checking the password. */
export const LOGIN_LIMIT_PER_ACCOUNT: AttemptLimit = { max: 10, windowMs: 60_000 };
/** Per IP, a little more, so that one office behind one address can still work. */
export const LOGIN_LIMIT_PER_IP: AttemptLimit = { max: 30, windowMs: 60_000 };
/** The current password on /admin/account: 5 wrong guesses per 15 minutes per account. */
export const PASSWORD_CHANGE_LIMIT: AttemptLimit = { max: 5, windowMs: 15 * 60_000 };
/** 情報の修正を提案: 5 suggestions per 10 minutes per IP. */
export const SUGGESTION_LIMIT_PER_IP: AttemptLimit = { max: 5, windowMs: 10 * 60_000 };

/** Attempts older than this are deleted now and then. */
const RETENTION_MS = 24 * 60 * 60_000;

export const accountKey = (email: string) => `account:${email}`;
export const ipKey = (address: string) => `ip:${address}`;
export const passwordChangeKey = (userId: string) => `password-change:${userId}`;
export const suggestionKey = (address: string) => `suggest-ip:${address}`;

export class AttemptLimiter {
	constructor(private readonly db: AppDatabase) {}

	count(key: string, limit: AttemptLimit, now = Date.now()): number {
		return this.db.$client
			.prepare('SELECT count(*) FROM login_attempts WHERE key = ? AND at > ?')
			.pluck()
			.get(key, now - limit.windowMs) as number;
	}

	isLimited(key: string, limit: AttemptLimit, now = Date.now()): boolean {
		return this.count(key, limit, now) >= limit.max;
	}

	/**
	 * Counts an attempt *before* it is made: in one IMMEDIATE transaction (the write lock is taken
	 * before counting, so other requests and processes wait), either every key is under its limit
	 * and the attempt is recorded against each, or nothing is recorded and the answer is null.
	 * Concurrent attempts therefore never get past the limit, however many arrive at once.
	 * Returns the ids of the recorded rows, for `release` when the attempt succeeds.
	 */
	reserve(keys: { key: string; limit: AttemptLimit }[], now = Date.now()): number[] | null {
		const client = this.db.$client;
		const count = client.prepare('SELECT count(*) FROM login_attempts WHERE key = ? AND at > ?').pluck();
		const insert = client.prepare('INSERT INTO login_attempts (key, at) VALUES (?, ?)');
		return client
			.transaction(() => {
				if (keys.some(({ key, limit }) => (count.get(key, now - limit.windowMs) as number) >= limit.max)) return null;
				return keys.map(({ key }) => Number(insert.run(key, now).lastInsertRowid));
			})
			.immediate();
	}

	/** Takes back reserved attempts (the attempt succeeded, so it was no failure). */
	release(ids: number[]): void {
		const remove = this.db.$client.prepare('DELETE FROM login_attempts WHERE id = ?');
		this.db.$client.transaction(() => {
			for (const id of ids) remove.run(id);
		})();
	}

	record(keys: string[], now = Date.now()): void {
		const insert = this.db.$client.prepare('INSERT INTO login_attempts (key, at) VALUES (?, ?)');
		this.db.$client.transaction(() => {
			for (const key of keys) insert.run(key, now);
			// Cheap housekeeping: the (key, at) index keeps the count fast, this keeps the table small.
			if (Math.random() < 0.05) this.db.$client.prepare('DELETE FROM login_attempts WHERE at < ?').run(now - RETENTION_MS);
		})();
	}

	clear(key: string): void {
		this.db.$client.prepare('DELETE FROM login_attempts WHERE key = ?').run(key);
	}
}
