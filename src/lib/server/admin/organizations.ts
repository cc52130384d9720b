/** Organisations (団体): created and edited by curators; org_editors are members of them. */
import { randomUUID } from 'node:crypto';
import { asc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AppDatabase } from '../db';
import * as t from '../db/schema';
import { ORGANIZATION_KINDS } from '../../domain/taxonomy';
import { katakanaToHiragana } from '../../domain/text/normalize';
import { assertCurator } from '../auth/permissions';
import type { SessionUser } from '../auth/types';
import { issuesToErrors } from '../auth/users';
import { recordAudit } from './audit';
import { isHttpUrl } from './listing-input';
import { InputError, type AdminContext } from './workflow';

export interface OrganizationValues {
	name: string;
	nameKana: string;
	kind: string;
	description: string;
	url: string;
	email: string;
}

const blankToNull = (value: string) => (value === '' ? null : value);

export const organizationSchema = z.object({
	name: z.string().trim().min(1, '団体名を入力してください。').max(100, '団体名は100文字以内で入力してください。'),
	nameKana: z
		.string()
		.transform((value) => katakanaToHiragana(value.normalize('NFKC').trim()))
		.refine((value) => value.length <= 100, 'よみがなは100文字以内で入力してください。')
		.transform(blankToNull),
	kind: z.enum(ORGANIZATION_KINDS, '団体の種類を選んでください。'),
	description: z.string().trim().max(1000, '説明は1000文字以内で入力してください。').transform(blankToNull),
	url: z
		.string()
		.transform((value) => value.normalize('NFKC').trim())
		.refine((value) => value === '' || isHttpUrl(value), 'URLは http:// または https:// で始まる形で入力してください。')
		.transform(blankToNull),
	email: z
		.string()
		.transform((value) => value.normalize('NFKC').trim().toLowerCase())
		.refine((value) => value === '' || z.email().safeParse(value).success, 'メールアドレスの形式が正しくありません。')
		.transform(blankToNull)
});
export type OrganizationInput = z.output<typeof organizationSchema>;

export function organizationValuesFromForm(form: FormData): OrganizationValues {
	const read = (name: string) => {
		const value = form.get(name);
		return typeof value === 'string' ? value : '';
	};
	return { name: read('name'), nameKana: read('nameKana'), kind: read('kind'), description: read('description'), url: read('url'), email: read('email') };
}

export function organizationToValues(row: typeof t.organizations.$inferSelect): OrganizationValues {
	return {
		name: row.name,
		nameKana: row.nameKana ?? '',
		kind: row.kind,
		description: row.description ?? '',
		url: row.url ?? '',
		email: row.email ?? ''
	};
}

function parse(values: OrganizationValues): OrganizationInput {
	const parsed = organizationSchema.safeParse(values);
	if (!parsed.success) throw new InputError(issuesToErrors(parsed.error.issues));
	return parsed.data;
}

export function createOrganization(db: AppDatabase, actor: SessionUser, values: OrganizationValues): string {
	assertCurator(actor);
	const input = parse(values);
	const id = randomUUID();
	db.transaction((tx) => {
		tx.insert(t.organizations).values({ id, ...input }).run();
		recordAudit(tx, { userId: actor.id, action: 'create', entity: 'organization', entityId: id, before: null, after: input });
	});
	return id;
}

export async function updateOrganization(ctx: AdminContext, actor: SessionUser, id: string, values: OrganizationValues): Promise<void> {
	const { db } = ctx;
	assertCurator(actor);
	const input = parse(values);
	const before = db.select().from(t.organizations).where(eq(t.organizations.id, id)).get();
	if (!before) throw new InputError({ _form: '団体が見つかりません。' });
	// The organisation's name is part of its listings' search documents: they are re-indexed.
	const serviceIds = db.select({ id: t.services.id }).from(t.services).where(eq(t.services.organizationId, id)).all().map((row) => row.id);
	const now = new Date().toISOString();
	db.transaction((tx) => {
		tx.update(t.organizations).set({ ...input, updatedAt: now }).where(eq(t.organizations.id, id)).run();
		if (serviceIds.length > 0) tx.update(t.services).set({ updatedAt: now }).where(eq(t.services.organizationId, id)).run();
		recordAudit(tx, { userId: actor.id, action: 'update', entity: 'organization', entityId: id, before: organizationToValues(before), after: input });
		ctx.searchSync.enqueue(serviceIds);
	});
	await ctx.searchSync.afterCommit(serviceIds);
}

export function organizationById(db: AppDatabase, id: string) {
	return db.select().from(t.organizations).where(eq(t.organizations.id, id)).get() ?? null;
}

export function listOrganizations(db: AppDatabase, q = '') {
	const pattern = `%${q.trim()}%`;
	return db
		.select({
			id: t.organizations.id,
			name: t.organizations.name,
			kind: t.organizations.kind,
			// Qualified by hand: drizzle renders the column bare, which inside the subquery means s.id.
			listings: sql<number>`(SELECT count(*) FROM services s WHERE s.organization_id = "organizations"."id")`
		})
		.from(t.organizations)
		.where(q.trim() ? sql`${t.organizations.name} LIKE ${pattern} OR ${t.organizations.nameKana} LIKE ${pattern}` : undefined)
		.orderBy(asc(t.organizations.nameKana), asc(t.organizations.name))
		.limit(200)
		.all();
}
