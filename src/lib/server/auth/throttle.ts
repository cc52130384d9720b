/**
 * Counting attempts per key in a sliding window (login_attempts table), so limits hold across
 * restarts and processes. Used for failed logins (per account and per IP) and for the public
 * suggestion form (per IP).
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
/** 情報の修正を提案: 5 suggestions per 10 minutes per IP. */
export const SUGGESTION_LIMIT_PER_IP: AttemptLimit = { max: 5, windowMs: 10 * 60_000 };

/** Attempts older than this are deleted now and then. */
const RETENTION_MS = 24 * 60 * 60_000;

export const accountKey = (email: string) => `account:${email}`;
export const ipKey = (address: string) => `ip:${address}`;
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
