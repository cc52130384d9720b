/** Accounts: creation (CLI and admin page), memberships, password change, sign-in. */
import { randomUUID } from 'node:crypto';
import { asc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDatabase } from '../db';
import * as t from '../db/schema';
import { hashPassword, passwordProblem, verifyAgainstDummy, verifyPassword } from './password';
import { invalidateUserSessions } from './sessions';
import { AttemptLimiter, LOGIN_LIMIT_PER_ACCOUNT, LOGIN_LIMIT_PER_IP, PASSWORD_CHANGE_LIMIT, accountKey, ipKey, passwordChangeKey } from './throttle';
import { ROLES, actsForOrganizations, type Role } from './types';
import { recordAudit } from '../admin/audit';

/** E-mail addresses compare in NFKC lower case, so ＡＢＣ@example.jp is abc@example.jp. */
export function normalizeEmail(input: string): string {
	return input.normalize('NFKC').trim().toLowerCase();
}

export const newUserSchema = z
	.object({
		email: z
			.string()
			.transform(normalizeEmail)
			.pipe(z.email('メールアドレスの形式が正しくありません（例：taro@example.jp）。').max(254, 'メールアドレスが長すぎます。')),
		displayName: z.string().trim().min(1, '表示名を入力してください。').max(50, '表示名は50文字以内で入力してください。'),
		password: z.string().superRefine((value, ctx) => {
			const problem = passwordProblem(value);
			if (problem) ctx.addIssue({ code: 'custom', message: problem });
		}),
		role: z.enum(ROLES, '役割を選んでください。'),
		organizationIds: z.array(z.string()).default([])
	})
	.superRefine((value, ctx) => {
		if (actsForOrganizations(value.role) && value.organizationIds.length === 0) {
			ctx.addIssue({ code: 'custom', path: ['organizationIds'], message: '団体の編集者・相談窓口の職員には、所属する団体を1つ以上選んでください。' });
		}
	});
export type NewUser = z.input<typeof newUserSchema>;

export class UserInputError extends Error {
	constructor(readonly errors: Record<string, string>) {
		super(Object.values(errors).join(' '));
	}
}

/** The first message for each field path ("email", "organizationIds"). */
export function issuesToErrors(issues: readonly z.core.$ZodIssue[]): Record<string, string> {
	const errors: Record<string, string> = {};
	for (const issue of issues) {
		const key = issue.path.map(String).join('.') || '_form';
		errors[key] ??= issue.message;
	}
	return errors;
}

function assertOrganizationsExist(db: AppDatabase, organizationIds: string[]): void {
	if (organizationIds.length === 0) return;
	const found = db.select({ id: t.organizations.id }).from(t.organizations).where(inArray(t.organizations.id, organizationIds)).all();
	if (found.length !== new Set(organizationIds).size) {
		throw new UserInputError({ organizationIds: '選んだ団体が見つかりません。一覧から選び直してください。' });
	}
}

export async function createUser(db: AppDatabase, input: NewUser, actorId: string | null): Promise<string> {
	const parsed = newUserSchema.safeParse(input);
	if (!parsed.success) throw new UserInputError(issuesToErrors(parsed.error.issues));
	const user = parsed.data;
	if (db.select({ id: t.users.id }).from(t.users).where(eq(t.users.email, user.email)).get()) {
		throw new UserInputError({ email: 'このメールアドレスのアカウントはすでにあります。' });
	}
	const organizationIds = actsForOrganizations(user.role) ? [...new Set(user.organizationIds)] : [];
	assertOrganizationsExist(db, organizationIds);
	const passwordHash = await hashPassword(user.password);
	const id = randomUUID();
	db.transaction((tx) => {
		tx.insert(t.users).values({ id, email: user.email, displayName: user.displayName, passwordHash, role: user.role }).run();
		for (const organizationId of organizationIds) tx.insert(t.organizationMembers).values({ userId: id, organizationId }).run();
		recordAudit(tx, {
			userId: actorId,
			action: 'create',
			entity: 'user',
			entityId: id,
			before: null,
			after: { email: user.email, displayName: user.displayName, role: user.role, organizationIds }
		});
	});
	return id;
}

export interface AccountSummary {
	id: string;
	email: string;
	displayName: string;
	role: Role;
	disabled: boolean;
	organizationIds: string[];
	createdAt: string;
}

export function listAccounts(db: AppDatabase): AccountSummary[] {
	const users = db.select().from(t.users).orderBy(asc(t.users.email)).all();
	const memberships = db.select().from(t.organizationMembers).all();
	return users.map((user) => ({
		id: user.id,
		email: user.email,
		displayName: user.displayName,
		role: user.role as Role,
		disabled: user.disabled,
		createdAt: user.createdAt,
		organizationIds: memberships.filter((m) => m.userId === user.id).map((m) => m.organizationId)
	}));
}

export const accountUpdateSchema = z.object({
	role: z.enum(ROLES, '役割を選んでください。'),
	disabled: z.boolean(),
	organizationIds: z.array(z.string())
});

/** Role, memberships and the disabled flag; an admin cannot lock themself out. */
export function updateAccount(db: AppDatabase, userId: string, input: z.input<typeof accountUpdateSchema>, actorId: string): void {
	const parsed = accountUpdateSchema.safeParse(input);
	if (!parsed.success) throw new UserInputError(issuesToErrors(parsed.error.issues));
	const update = parsed.data;
	const before = listAccounts(db).find((account) => account.id === userId);
	if (!before) throw new UserInputError({ _form: 'アカウントが見つかりません。' });
	if (userId === actorId && (update.role !== 'admin' || update.disabled)) {
		throw new UserInputError({ role: '自分自身の管理者権限を外したり、無効にしたりはできません。' });
	}
	const organizationIds = update.role === 'org_editor' ? [...new Set(update.organizationIds)] : [];
	if (update.role === 'org_editor' && organizationIds.length === 0) {
		throw new UserInputError({ organizationIds: '団体の編集者には、編集できる団体を1つ以上選んでください。' });
	}
	assertOrganizationsExist(db, organizationIds);
	db.transaction((tx) => {
		tx.update(t.users)
			.set({ role: update.role, disabled: update.disabled, updatedAt: new Date().toISOString() })
			.where(eq(t.users.id, userId))
			.run();
		tx.delete(t.organizationMembers).where(eq(t.organizationMembers.userId, userId)).run();
		for (const organizationId of organizationIds) tx.insert(t.organizationMembers).values({ userId, organizationId }).run();
		recordAudit(tx, {
			userId: actorId,
			action: 'update',
			entity: 'user',
			entityId: userId,
			before: { role: before.role, disabled: before.disabled, organizationIds: before.organizationIds },
			after: { role: update.role, disabled: update.disabled, organizationIds }
		});
	});
	if (update.disabled) invalidateUserSessions(db, userId);
}

export async function changePassword(
	db: AppDatabase,
	userId: string,
	currentPassword: string,
	newPassword: string,
	keepSessionId: string
): Promise<void> {
	const limiter = new AttemptLimiter(db);
	const reserved = limiter.reserve([{ key: passwordChangeKey(userId), limit: PASSWORD_CHANGE_LIMIT }]);
	if (!reserved) throw new ThrottledError('現在のパスワードの誤りが続いたため、変更の受け付けを一時止めています。15分ほど待ってから、もう一度お試しください。');
	const user = db.select().from(t.users).where(eq(t.users.id, userId)).get();
	if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
		throw new UserInputError({ currentPassword: '現在のパスワードが正しくありません。' });
	}
	limiter.release(reserved);
	const problem = passwordProblem(newPassword);
	if (problem) throw new UserInputError({ newPassword: problem });
	const passwordHash = await hashPassword(newPassword);
	db.transaction((tx) => {
		tx.update(t.users).set({ passwordHash, updatedAt: new Date().toISOString() }).where(eq(t.users.id, userId)).run();
		recordAudit(tx, { userId, action: 'change_password', entity: 'user', entityId: userId, before: null, after: null });
	});
	// Other devices (perhaps a stolen session) must sign in again with the new password.
	invalidateUserSessions(db, userId, keepSessionId);
}

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: 'throttled' | 'invalid' };

/** Raised when too many wrong current passwords were tried; routes answer 429. */
export class ThrottledError extends Error {}

/**
 * Reserves the attempt against the account and the address first (a throttled attempt does not
 * even look at the password; concurrent attempts cannot all pass a check made before any of them
 * failed), then checks the password. A successful sign-in clears the account's failures and takes
 * back its reservation on the address.
 */
export async function signIn(db: AppDatabase, emailInput: string, password: string, clientAddress: string): Promise<SignInResult> {
	const email = normalizeEmail(emailInput);
	const limiter = new AttemptLimiter(db);
	const reserved = limiter.reserve([
		{ key: accountKey(email), limit: LOGIN_LIMIT_PER_ACCOUNT },
		{ key: ipKey(clientAddress), limit: LOGIN_LIMIT_PER_IP }
	]);
	if (!reserved) return { ok: false, reason: 'throttled' };
	const user = db.select().from(t.users).where(eq(t.users.email, email)).get();
	const valid = user && !user.disabled ? await verifyPassword(user.passwordHash, password) : await verifyAgainstDummy(password);
	if (!valid || !user) return { ok: false, reason: 'invalid' };
	limiter.clear(accountKey(email));
	limiter.release(reserved);
	return { ok: true, userId: user.id };
}
