import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as t from '../../../src/lib/server/db/schema';
import { changePassword, createUser, signIn, ThrottledError, UserInputError } from '../../../src/lib/server/auth/users';
import { createSession, sessionCookieOptions, validateSessionToken } from '../../../src/lib/server/auth/sessions';
import { AttemptLimiter, LOGIN_LIMIT_PER_ACCOUNT, LOGIN_LIMIT_PER_IP, PASSWORD_CHANGE_LIMIT } from '../../../src/lib/server/auth/throttle';
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

	it('turns hostile or non-ASCII ?next= values into a safe Location (never a 500, never another site)', () => {
		// A Location header with raw non-ASCII or control characters makes the response fail (500).
		expect(safeAdminRedirect('/admin/listings?q=薬局')).toBe('/admin/listings?q=%E8%96%AC%E5%B1%80');
		expect(safeAdminRedirect('/admin/listings/\r\nSet-Cookie: x=1')).toBe('/admin');
		expect(safeAdminRedirect('/admin\u0000')).toBe('/admin');
		expect(safeAdminRedirect('/admin/../..//evil.example')).toBe('/admin');
		expect(safeAdminRedirect('/admin\\..\\..\\/evil.example')).toBe('/admin');
		expect(safeAdminRedirect('/\\evil.example/admin')).toBe('/admin');
		expect(safeAdminRedirect('/admin/login?next=/admin')).toBe('/admin');
		for (const next of ['/admin/listings?q=薬局', '/admin/a\r\nb', '/admin/%E3']) {
			expect(() => new Headers({ location: safeAdminRedirect(next) })).not.toThrow();
		}
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

	it('lasts 7 days from the last use', () => {
		const day = 24 * 60 * 60_000;
		const start = new Date('2026-01-01T00:00:00Z');
		const { token } = createSession(f.db, f.curator.id, start);
		// Used after 2 days, then not for 6.9 days: still signed in (7 days from that use).
		expect(validateSessionToken(f.db, token, new Date(start.getTime() + 2 * day))).not.toBeNull();
		expect(validateSessionToken(f.db, token, new Date(start.getTime() + 8.9 * day))).not.toBeNull();
		// Then unused for more than 7 days: gone.
		expect(validateSessionToken(f.db, token, new Date(start.getTime() + 16 * day))).toBeNull();
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

	it('checks at most the limit when 20 wrong passwords for one account arrive at once', async () => {
		const results = await Promise.all(
			Array.from({ length: 20 }, (_, i) => signIn(f.db, 'concurrent@example.jp', `wrong password ${i}`, `10.3.0.${i}`))
		);
		const checked = results.filter((result) => !result.ok && result.reason === 'invalid').length;
		expect(checked).toBe(LOGIN_LIMIT_PER_ACCOUNT.max);
		expect(results.filter((result) => !result.ok && result.reason === 'throttled')).toHaveLength(20 - LOGIN_LIMIT_PER_ACCOUNT.max);
	});

	it('throttles guesses of the current password on /admin/account', async () => {
		const id = await createUser(f.db, { email: 'guess@example.jp', displayName: 'guess', password: PASSWORD, role: 'curator' }, null);
		const outcomes: string[] = [];
		for (let i = 0; i < 12; i++) {
			outcomes.push(
				await changePassword(f.db, id, `wrong guess number ${i}`, 'another long password', 'none').then(
					() => 'changed',
					(error: unknown) => (error instanceof ThrottledError ? 'throttled' : error instanceof UserInputError ? 'wrong' : 'other')
				)
			);
		}
		expect(outcomes.filter((outcome) => outcome === 'wrong')).toHaveLength(PASSWORD_CHANGE_LIMIT.max);
		expect(outcomes.slice(PASSWORD_CHANGE_LIMIT.max).every((outcome) => outcome === 'throttled')).toBe(true);
		// Even the right password is not checked while throttled.
		await expect(changePassword(f.db, id, PASSWORD, 'another long password', 'none')).rejects.toBeInstanceOf(ThrottledError);
	});

	it('lets attempts age out of the window', () => {
		const limiter = new AttemptLimiter(f.db);
		const now = Date.now();
		for (let i = 0; i < 10; i++) limiter.record(['account:old@example.jp'], now - 61_000);
		expect(limiter.isLimited('account:old@example.jp', LOGIN_LIMIT_PER_ACCOUNT, now)).toBe(false);
	});
});
