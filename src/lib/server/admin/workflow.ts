/**
 * The editorial workflow. Curators (admin, curator) change listings directly; an org_editor's
 * change becomes a change request (kind 'edit') and the published listing stays as it was until a
 * curator approves it. Publishing, unpublishing, archiving and 確認済み are curator actions (確認済み
 * also for the listing's own organisation). Every write records an audit entry in its transaction
 * and lets the search indexes follow at once (SearchSync: enqueue inside, afterCommit after).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { AppDatabase } from '../db';
import * as t from '../db/schema';
import type { SearchSync } from '../search/sync';
import type { ServiceStatus } from '../../domain/taxonomy';
import type { FieldErrors } from '../../domain/listing-form';
import { assertCanEditOrganization, assertCurator, isCurator } from '../auth/permissions';
import type { SessionUser } from '../auth/types';
import { recordAudit } from './audit';
import { checkReferences, insertListing, readListing, replaceListing, type StoredListing, type Tx } from './listing-store';
import { parseStoredListingInput, type ListingInput } from './listing-input';

export interface AdminContext {
	db: AppDatabase;
	searchSync: Pick<SearchSync, 'enqueue' | 'afterCommit'>;
}

/** Bad input with a Japanese message per field (unknown area, missing comment…); routes answer 400 with it. */
export class InputError extends Error {
	constructor(readonly errors: FieldErrors) {
		super(Object.values(errors).join(' '));
	}
}

export class NotFoundError extends Error {
	constructor(message = '指定された情報は見つかりません。') {
		super(message);
	}
}

export type SaveOutcome = { kind: 'applied'; id: string } | { kind: 'submitted'; id: string; changeRequestId: string };

export const STATUS_ACTIONS = {
	publish: 'published',
	unpublish: 'draft',
	archive: 'archived'
} as const satisfies Record<string, ServiceStatus>;
export type StatusAction = keyof typeof STATUS_ACTIONS;

function assertReferences(db: Tx, input: ListingInput): void {
	const errors = checkReferences(db, input);
	if (Object.keys(errors).length > 0) throw new InputError(errors);
}

function requireListing(db: AppDatabase, id: string): StoredListing {
	const listing = readListing(db, id);
	if (!listing) throw new NotFoundError();
	return listing;
}

/**
 * A new listing: a curator's starts as 下書き (published with 公開する); an org_editor's waits as
 * 確認待ち until a curator publishes it.
 */
export async function createListing(ctx: AdminContext, actor: SessionUser, input: ListingInput): Promise<string> {
	assertCanEditOrganization(actor, input.organizationId);
	assertReferences(ctx.db, input);
	const status: ServiceStatus = isCurator(actor) ? 'draft' : 'review';
	const id = ctx.db.transaction((tx) => {
		const newId = insertListing(tx, input, status);
		recordAudit(tx, { userId: actor.id, action: 'create', entity: 'service', entityId: newId, before: null, after: { ...input, status } });
		ctx.searchSync.enqueue([newId]);
		return newId;
	});
	await ctx.searchSync.afterCommit([id]);
	return id;
}

/** A curator's edit is applied; an org_editor's becomes a change request waiting for review. */
export async function saveListing(ctx: AdminContext, actor: SessionUser, id: string, input: ListingInput): Promise<SaveOutcome> {
	const current = requireListing(ctx.db, id);
	assertCanEditOrganization(actor, current.organizationId);
	assertCanEditOrganization(actor, input.organizationId);
	assertReferences(ctx.db, input);
	if (!isCurator(actor)) {
		const changeRequestId = randomUUID();
		ctx.db.transaction((tx) => {
			tx.insert(t.changeRequests)
				.values({ id: changeRequestId, serviceId: id, kind: 'edit', payload: JSON.stringify(input), submittedBy: actor.id })
				.run();
			recordAudit(tx, { userId: actor.id, action: 'submit_edit', entity: 'service', entityId: id, before: current.input, after: input });
		});
		return { kind: 'submitted', id, changeRequestId };
	}
	ctx.db.transaction((tx) => {
		replaceListing(tx, id, input);
		recordAudit(tx, { userId: actor.id, action: 'update', entity: 'service', entityId: id, before: current.input, after: input });
		ctx.searchSync.enqueue([id]);
	});
	await ctx.searchSync.afterCommit([id]);
	return { kind: 'applied', id };
}

function requirePendingRequest(db: AppDatabase, changeRequestId: string, kind: 'edit' | 'suggestion') {
	const request = db.select().from(t.changeRequests).where(eq(t.changeRequests.id, changeRequestId)).get();
	if (!request || request.kind !== kind || !request.serviceId) throw new NotFoundError('指定された申請は見つかりません。');
	if (request.status !== 'pending') throw new InputError({ _form: 'この申請はすでに処理されています。' });
	return { ...request, serviceId: request.serviceId };
}

/** Applies an org_editor's proposal (as submitted, or as the curator adjusted it on the review page). */
export async function approveEdit(ctx: AdminContext, actor: SessionUser, changeRequestId: string, adjusted?: ListingInput): Promise<void> {
	assertCurator(actor);
	const request = requirePendingRequest(ctx.db, changeRequestId, 'edit');
	const proposal = adjusted ?? parseStoredListingInput(request.payload);
	if (!proposal) throw new InputError({ _form: '申請の内容を読み取れません。内容を確認して、修正してから承認してください。' });
	const current = requireListing(ctx.db, request.serviceId);
	assertReferences(ctx.db, proposal);
	const now = new Date().toISOString();
	ctx.db.transaction((tx) => {
		replaceListing(tx, request.serviceId, proposal, now);
		tx.update(t.changeRequests)
			.set({ status: 'approved', reviewedBy: actor.id, reviewedAt: now, updatedAt: now })
			.where(eq(t.changeRequests.id, changeRequestId))
			.run();
		recordAudit(tx, { userId: actor.id, action: 'approve_edit', entity: 'service', entityId: request.serviceId, before: current.input, after: proposal });
		ctx.searchSync.enqueue([request.serviceId]);
	});
	await ctx.searchSync.afterCommit([request.serviceId]);
}

/** Rejecting an edit needs a reason the organisation can act on; dismissing a suggestion may have one. */
export function closeChangeRequest(
	ctx: AdminContext,
	actor: SessionUser,
	changeRequestId: string,
	outcome: 'approved' | 'rejected',
	commentInput: string
): void {
	assertCurator(actor);
	const request = ctx.db.select().from(t.changeRequests).where(eq(t.changeRequests.id, changeRequestId)).get();
	if (!request || !request.serviceId) throw new NotFoundError('指定された申請は見つかりません。');
	const kind = request.kind === 'edit' ? 'edit' : 'suggestion';
	if (kind === 'edit' && outcome === 'approved') throw new InputError({ _form: '修正の申請は「承認して反映」で承認してください。' });
	requirePendingRequest(ctx.db, changeRequestId, kind);
	const comment = commentInput.trim();
	if (kind === 'edit' && comment === '') throw new InputError({ comment: '却下の理由を入力してください。申請した団体に伝わります。' });
	if (comment.length > 1000) throw new InputError({ comment: 'コメントは1000文字以内で入力してください。' });
	const now = new Date().toISOString();
	const action = kind === 'edit' ? 'reject_edit' : outcome === 'approved' ? 'resolve_suggestion' : 'dismiss_suggestion';
	ctx.db.transaction((tx) => {
		tx.update(t.changeRequests)
			.set({ status: outcome, reviewComment: comment || null, reviewedBy: actor.id, reviewedAt: now, updatedAt: now })
			.where(eq(t.changeRequests.id, changeRequestId))
			.run();
		recordAudit(tx, {
			userId: actor.id,
			action,
			entity: 'service',
			entityId: request.serviceId!,
			before: { changeRequest: changeRequestId, status: 'pending' },
			after: { changeRequest: changeRequestId, status: outcome, comment: comment || null }
		});
	});
}

export async function changeStatus(ctx: AdminContext, actor: SessionUser, id: string, action: StatusAction): Promise<void> {
	assertCurator(actor);
	const current = requireListing(ctx.db, id);
	const status = STATUS_ACTIONS[action];
	if (current.status === status) return;
	const now = new Date().toISOString();
	// A curator publishing a never-verified listing has just checked it: it is not stale at once.
	const lastVerifiedAt = status === 'published' && !current.lastVerifiedAt ? now : current.lastVerifiedAt;
	ctx.db.transaction((tx) => {
		tx.update(t.services).set({ status, lastVerifiedAt, updatedAt: now }).where(eq(t.services.id, id)).run();
		recordAudit(tx, {
			userId: actor.id,
			action,
			entity: 'service',
			entityId: id,
			before: { status: current.status },
			after: lastVerifiedAt === current.lastVerifiedAt ? { status } : { status, lastVerifiedAt }
		});
		ctx.searchSync.enqueue([id], status === 'published' ? 'upsert' : 'delete');
	});
	await ctx.searchSync.afterCommit([id]);
}

/** 確認済み: the information was checked today (with the organisation, by phone, on site). */
export async function verifyListing(ctx: AdminContext, actor: SessionUser, id: string, now = new Date()): Promise<string> {
	const current = requireListing(ctx.db, id);
	assertCanEditOrganization(actor, current.organizationId);
	// An instant, like the imported data; pages show it as a date (西暦 and 和暦).
	const lastVerifiedAt = now.toISOString();
	ctx.db.transaction((tx) => {
		tx.update(t.services).set({ lastVerifiedAt, updatedAt: now.toISOString() }).where(eq(t.services.id, id)).run();
		recordAudit(tx, {
			userId: actor.id,
			action: 'verify',
			entity: 'service',
			entityId: id,
			before: { lastVerifiedAt: current.lastVerifiedAt },
			after: { lastVerifiedAt }
		});
		ctx.searchSync.enqueue([id]);
	});
	await ctx.searchSync.afterCommit([id]);
	return lastVerifiedAt;
}
