/** Password hashing with argon2id (OWASP's first choice); the parameters live in the hash. */
import { argon2id, hash, verify } from 'argon2';

export interface PasswordHashCost {
	/** KiB. */
	memoryCost: number;
	timeCost: number;
	parallelism: number;
}

/** argon2's defaults (64 MiB, 3 passes, 4 lanes), which meet OWASP's argon2id guidance. */
export const PRODUCTION_HASH_COST: PasswordHashCost = { memoryCost: 65_536, timeCost: 3, parallelism: 4 };

let hashCost = PRODUCTION_HASH_COST;
// A real hash to verify against when the account does not exist, so that a wrong e-mail address
// takes as long as a wrong password and response times do not reveal which accounts exist.
let dummyHash: Promise<string> | null = null;

/**
 * Test set-up only: hash new passwords at a lower cost. Suites create accounts and try wrong
 * passwords dozens of times, and at the production cost that alone can pass a test's time limit on
 * a busy machine. Verifying reads the cost from the stored hash, so nothing else changes.
 */
export function setPasswordHashCost(cost: PasswordHashCost): void {
	hashCost = cost;
	dummyHash = null;
}

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
	return hash(password, { type: argon2id, ...hashCost });
}

export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
	try {
		return await verify(storedHash, password);
	} catch {
		return false;
	}
}

export async function verifyAgainstDummy(password: string): Promise<false> {
	dummyHash ??= hashPassword('dummy-password-for-timing');
	await verifyPassword(await dummyHash, password);
	return false;
}

/** A Japanese message when the new password is unacceptable, otherwise null. */
export function passwordProblem(password: string): string | null {
	if (password.length < MIN_PASSWORD_LENGTH) return `パスワードは${MIN_PASSWORD_LENGTH}文字以上にしてください。`;
	if (password.length > MAX_PASSWORD_LENGTH) return `パスワードは${MAX_PASSWORD_LENGTH}文字以内にしてください。`;
	if (password.trim().length === 0) return 'パスワードに空白以外の文字を入れてください。';
	return null;
}
