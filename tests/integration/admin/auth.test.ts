import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as t from '../../../src/lib/server/db/schema';
import { changePassword, createUser, signIn, UserInputError } from '../../../src/lib/server/auth/users';
import { createSession, sessionCookieOptions, validateSessionToken } from '../../../src/lib/server/auth/sessions';
import { AttemptLimiter, LOGIN_LIMIT_PER_ACCOUNT, LOGIN_LIMIT_PER_IP } from '../../../src/lib/server/auth/throttle';
import { canEditOrganization, safeAdminRedirect } from '../../../src/lib/server/auth/permissions';
import { createAdminFixture, PASSWORD, type AdminFixture } from './fixture';

let f: AdminFixture;
beforeAll(async () => {
	f = await createAdminFixture();
});
afterAll(() => f.close());

describe('accounts', () => {
	it('stores only an argon2id hash', () => {
		const row = f.db.select().from(t.users).where(eq(t.users.email, 'curator@example.jp')).get()!;
		expect(row.passwordHash).toMatch(/^\$argon2id\$/);
		expect(row.passwordHash).not.toContain(PASSWORD);
	});

	it('refuses passwords shorter than 12 characters, duplicate e-mails and editors without an organisation', async () => {
		const attempt = (input: Parameters<typeof createUser>[1]) => createUser(f.db, input, null).catch((error: unknown) => error);
		const short = await attempt({ email: 'new@example.jp', displayName: '新規', password: 'short-pass', role: 'curator' });
		expect(short).toBeInstanceOf(UserInputError);
		expect((short as UserInputError).errors.password).toBe('パスワードは12文字以上にしてください。');
		const duplicate = await attempt({ email: 'ＣＵＲＡＴＯＲ@example.jp', displayName: '重複', password: PASSWORD, role: 'curator' });
		expect((duplicate as UserInputError).errors.email).toMatch(/すでに/);
		const lonely = await attempt({ email: 'lonely@example.jp', displayName: '団体なし', password: PASSWORD, role: 'org_editor' });
		expect((lonely as UserInputError).errors.organizationIds).toMatch(/団体/);
	});

	it('lets an org_editor edit only its own organisations; curators edit all', () => {
		expect(canEditOrganization(f.editorA, f.orgA)).toBe(true);
		expect(canEditOrganization(f.editorA, f.orgB)).toBe(false);
		expect(canEditOrganization(f.curator, f.orgB)).toBe(true);
	});

	it('sends people back only inside the admin area after login', () => {
		expect(safeAdminRedirect('/admin/listings?q=1')).toBe('/admin/listings?q=1');
		expect(safeAdminRedirect('https://evil.example/admin')).toBe('/admin');
		expect(safeAdminRedirect('//evil.example')).toBe('/admin');
		expect(safeAdminRedirect(null)).toBe('/admin');
	});
});

describe('sessions', () => {
	it('keeps only the SHA-256 of the token and resolves it to the user', () => {
		const { token } = createSession(f.db, f.curator.id);
		const rows = f.db.select().from(t.sessions).all();
		expect(rows.some((row) => row.id === token)).toBe(false);
		expect(rows.some((row) => row.id === createHash('sha256').update(token).digest('hex'))).toBe(true);
		expect(validateSessionToken(f.db, token)?.user.email).toBe('curator@example.jp');
		expect(validateSessionToken(f.db, 'not-a-token')).toBeNull();
	});

	it('expires sessions', () => {
		const { token } = createSession(f.db, f.curator.id, new Date('2020-01-01T00:00:00Z'));
		expect(validateSessionToken(f.db, token)).toBeNull();
	});

	it('sets httpOnly, SameSite=Lax cookies, Secure on https only', () => {
		expect(sessionCookieOptions(new URL('https://tsunagi.example/admin'))).toMatchObject({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
		expect(sessionCookieOptions(new URL('http://127.0.0.1:4317/admin')).secure).toBe(false);
	});

	it('changing the password signs out the other devices', async () => {
		const id = await createUser(f.db, { email: 'pw@example.jp', displayName: 'pw', password: PASSWORD, role: 'curator' }, null);
		const here = createSession(f.db, id);
		const elsewhere = createSession(f.db, id);
		const hereId = validateSessionToken(f.db, here.token)!.session.id;
		await expect(changePassword(f.db, id, 'wrong password!!', 'another long password', hereId)).rejects.toBeInstanceOf(UserInputError);
		await changePassword(f.db, id, PASSWORD, 'another long password', hereId);
		expect(validateSessionToken(f.db, here.token)).not.toBeNull();
		expect(validateSessionToken(f.db, elsewhere.token)).toBeNull();
		expect((await signIn(f.db, 'pw@example.jp', 'another long password', '10.0.0.9')).ok).toBe(true);
	});
});

describe('login throttling', () => {
	it('throttles the 11th wrong password for an account within a minute, even if it is right', async () => {
		for (let i = 0; i < LOGIN_LIMIT_PER_ACCOUNT.max; i++) {
			expect(await signIn(f.db, 'a@example.jp', `wrong password ${i}`, `10.1.0.${i}`)).toEqual({ ok: false, reason: 'invalid' });
		}
		expect(await signIn(f.db, 'a@example.jp', PASSWORD, '10.1.1.1')).toEqual({ ok: false, reason: 'throttled' });
		// Other accounts are not affected.
		expect((await signIn(f.db, 'b@example.jp', PASSWORD, '10.1.1.1')).ok).toBe(true);
	});

	it('throttles one address trying many accounts', async () => {
		for (let i = 0; i < LOGIN_LIMIT_PER_IP.max; i++) await signIn(f.db, `nobody${i}@example.jp`, 'wrong password', '10.2.0.1');
		expect(await signIn(f.db, 'curator@example.jp', PASSWORD, '10.2.0.1')).toEqual({ ok: false, reason: 'throttled' });
		expect((await signIn(f.db, 'curator@example.jp', PASSWORD, '10.2.0.2')).ok).toBe(true);
	});

	it('lets attempts age out of the window', () => {
		const limiter = new AttemptLimiter(f.db);
		const now = Date.now();
		for (let i = 0; i < 10; i++) limiter.record(['account:old@example.jp'], now - 61_000);
		expect(limiter.isLimited('account:old@example.jp', LOGIN_LIMIT_PER_ACCOUNT, now)).toBe(false);
	});
});
