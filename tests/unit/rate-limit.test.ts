import { describe, expect, it } from 'vitest';
import { RateLimiter, rateLimitsFromEnv } from '../../src/lib/server/operations/rate-limit';

describe('rate limiter', () => {
	it('allows a burst of perMinute, then asks to wait, then refills', () => {
		const limiter = new RateLimiter({ perMinute: 60 });
		const now = 1_000_000;
		for (let i = 0; i < 60; i++) expect(limiter.take('ip:a', now)).toBeNull();
		expect(limiter.take('ip:a', now)).toBe(1);
		expect(limiter.take('ip:b', now)).toBeNull(); // another address is not affected
		expect(limiter.take('ip:a', now + 1000)).toBeNull(); // one token a second
		expect(limiter.take('ip:a', now + 1000)).toBe(1);
	});

	it('is off at 0 and reads its limits from the environment', () => {
		expect(new RateLimiter({ perMinute: 0 }).take('x')).toBeNull();
		const limits = rateLimitsFromEnv({ RATE_LIMIT_API_PER_MINUTE: '10', RATE_LIMIT_FORMS_PER_MINUTE: 'nonsense' });
		expect(limits.api.options.perMinute).toBe(10);
		expect(limits.forms.options.perMinute).toBe(30);
	});
});
