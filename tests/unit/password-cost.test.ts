import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, PRODUCTION_HASH_COST, setPasswordHashCost, verifyAgainstDummy, verifyPassword } from '../../src/lib/server/auth/password';

const TEST_COST = { memoryCost: 1024, timeCost: 1, parallelism: 1 };

describe('password hashing cost', () => {
	afterEach(() => setPasswordHashCost(TEST_COST));

	it('hashes test accounts cheaply (set up for every suite), and verifies them', async () => {
		const stored = await hashPassword('correct horse battery staple');
		expect(stored).toMatch(/^\$argon2id\$v=19\$m=1024,p=1,t=1\$/);
		expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
		expect(await verifyPassword(stored, 'wrong password!!')).toBe(false);
		expect(await verifyAgainstDummy('anything at all')).toBe(false);
	});

	it('hashes at argon2id with 64 MiB and 3 passes in production', async () => {
		setPasswordHashCost(PRODUCTION_HASH_COST);
		const stored = await hashPassword('correct horse battery staple');
		expect(stored).toMatch(/^\$argon2id\$v=19\$m=65536,p=4,t=3\$/);
		expect(await verifyPassword(stored, 'correct horse battery staple')).toBe(true);
	});
});
