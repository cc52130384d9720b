/**
 * Per-address request rate limits for the public API and public form posts (a token bucket per
 * address, in this process's memory: each app instance limits what reaches it). Login and the
 * suggestion form also have their own limits in SQLite (auth/throttle.ts).
 */
export interface RateLimitOptions {
	/** Requests per minute per address; the bucket also holds this many (a burst). 0 = no limit. */
	perMinute: number;
}

interface Bucket {
	tokens: number;
	at: number;
}

export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();
	private lastSweep = 0;

	constructor(readonly options: RateLimitOptions) {}

	/** null when allowed; otherwise the seconds to wait (for Retry-After). */
	take(key: string, now = Date.now()): number | null {
		const { perMinute } = this.options;
		if (perMinute <= 0) return null;
		this.sweep(now);
		const refillPerMs = perMinute / 60_000;
		const bucket = this.buckets.get(key) ?? { tokens: perMinute, at: now };
		bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * refillPerMs);
		bucket.at = now;
		this.buckets.set(key, bucket);
		if (bucket.tokens >= 1 - 1e-9) {
			bucket.tokens -= 1;
			return null;
		}
		return Math.max(1, Math.ceil((1 - bucket.tokens) / refillPerMs / 1000));
	}

	/** Full buckets carry no information: drop them now and then, so memory stays bounded. */
	private sweep(now: number): void {
		if (now - this.lastSweep < 60_000) return;
		this.lastSweep = now;
		const refillPerMs = this.options.perMinute / 60_000;
		for (const [key, bucket] of this.buckets) {
			if (bucket.tokens + (now - bucket.at) * refillPerMs >= this.options.perMinute) this.buckets.delete(key);
		}
	}
}

/** RATE_LIMIT_API_PER_MINUTE (default 600) and RATE_LIMIT_FORMS_PER_MINUTE (default 30); 0 turns a limit off. */
export function rateLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): { api: RateLimiter; forms: RateLimiter } {
	const read = (name: string, fallback: number) => {
		const value = Number(env[name] ?? fallback);
		return Number.isFinite(value) && value >= 0 ? value : fallback;
	};
	return {
		api: new RateLimiter({ perMinute: read('RATE_LIMIT_API_PER_MINUTE', 600) }),
		forms: new RateLimiter({ perMinute: read('RATE_LIMIT_FORMS_PER_MINUTE', 30) })
	};
}
