import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../../src/lib/server/db/schema';
import { ForbiddenError } from '../../../src/lib/server/auth/permissions';
import { auditTrail } from '../../../src/lib/server/admin/audit';
import { describeAuditEntry, diffListings } from '../../../src/lib/server/admin/diff';
import { listOrganizations } from '../../../src/lib/server/admin/organizations';
import { readListing } from '../../../src/lib/server/admin/listing-store';
import { displayNames, listListings, pendingChangeRequests } from '../../../src/lib/server/admin/queries';
import { freshnessReport, staleCutoff } from '../../../src/lib/server/admin/freshness';
import { approveEdit, changeStatus, closeChangeRequest, createListing, InputError, saveListing, verifyListing } from '../../../src/lib/server/admin/workflow';
import { createAdminFixture, indexedName, isIndexed, salonInput, type AdminFixture } from './fixture';

let f: AdminFixture;
beforeAll(async () => {
	f = await createAdminFixture();
});
afterAll(() => f.close());

describe('curator workflow', () => {
	it('creates a draft, publishes it into the search index at once, unpublishes and archives it', async () => {
		const id = await createListing(f.ctx, f.curator, salonInput(f.orgA, { name: 'いきいきサロン朝倉' }));
		expect(readListing(f.db, id)?.status).toBe('draft');
		expect(isIndexed(f.db, id)).toBe(false);
		expect(readListing(f.db, id)?.lastVerifiedAt).toBeNull();
		await changeStatus(f.ctx, f.curator, id, 'publish');
		expect(indexedName(f.db, id)).toBe('いきいきサロン朝倉');
		// Published by a curator: checked today, not counted stale at once.
		expect(Date.now() - Date.parse(readListing(f.db, id)!.lastVerifiedAt!)).toBeLessThan(60_000);
		expect(freshnessReport(f.db, f.curator, { field: '', district: '' }).listings.map((l) => l.id)).not.toContain(id);
		await changeStatus(f.ctx, f.curator, id, 'unpublish');
		expect(isIndexed(f.db, id)).toBe(false);
		await changeStatus(f.ctx, f.curator, id, 'archive');
		const actions = auditTrail(f.db, 'service', id).map((entry) => entry.action);
		expect(actions).toEqual(['archive', 'unpublish', 'publish', 'create']);
	});

	it('applies a curator edit directly, audited with before and after', async () => {
		await saveListing(f.ctx, f.curator, f.listingA, salonInput(f.orgA, { name: '旭サロン（改）' }));
		expect(indexedName(f.db, f.listingA)).toBe('旭サロン（改）');
		const [entry] = auditTrail(f.db, 'service', f.listingA);
		expect(entry.action).toBe('update');
		expect(entry.userId).toBe(f.curator.id);
		const view = describeAuditEntry(entry, displayNames(f.db));
		expect(view.changes).toContainEqual({ label: '名称', before: '旭サロン', after: '旭サロン（改）' });
	});

	it('stamps 最終確認日 with 確認済み, audited', async () => {
		const at = new Date('2026-05-01T03:00:00Z');
		await verifyListing(f.ctx, f.curator, f.listingB, at);
		expect(readListing(f.db, f.listingB)?.lastVerifiedAt).toBe(at.toISOString());
		expect(auditTrail(f.db, 'service', f.listingB)[0]).toMatchObject({ action: 'verify', after: { lastVerifiedAt: at.toISOString() } });
	});
});

describe('org_editor workflow', () => {
	it('sends an edit to review; the published listing stays as it was until approval', async () => {
		const before = readListing(f.db, f.listingA)!;
		const outcome = await saveListing(f.ctx, f.editorA, f.listingA, salonInput(f.orgA, { name: '旭ひだまりサロン', description: '毎月第2・第4火曜日に集まります' }));
		expect(outcome.kind).toBe('submitted');
		expect(readListing(f.db, f.listingA)?.input.name).toBe(before.input.name);
		expect(indexedName(f.db, f.listingA)).toBe(before.input.name);
		const [request] = pendingChangeRequests(f.db, f.curator);
		expect(request).toMatchObject({ kind: 'edit', serviceId: f.listingA, submittedByName: '旭 編集' });
		// The other organisation's editor does not see it.
		expect(pendingChangeRequests(f.db, f.editorB)).toEqual([]);

		const changes = diffListings(before.input, JSON.parse(request.payload), displayNames(f.db));
		expect(changes.map((c) => c.label)).toEqual(['名称', '内容']);

		await expect(approveEdit(f.ctx, f.editorA, request.id)).rejects.toBeInstanceOf(ForbiddenError);
		await approveEdit(f.ctx, f.curator, request.id);
		expect(readListing(f.db, f.listingA)?.input.name).toBe('旭ひだまりサロン');
		expect(indexedName(f.db, f.listingA)).toBe('旭ひだまりサロン');
		expect(f.db.select().from(t.changeRequests).where(eq(t.changeRequests.id, request.id)).get()?.status).toBe('approved');
		expect(auditTrail(f.db, 'service', f.listingA).map((e) => e.action).slice(0, 2)).toEqual(['approve_edit', 'submit_edit']);
		await expect(approveEdit(f.ctx, f.curator, request.id)).rejects.toBeInstanceOf(InputError);
	});

	it('needs a comment to reject an edit', async () => {
		await saveListing(f.ctx, f.editorA, f.listingA, salonInput(f.orgA, { name: '間違った名前' }));
		const [request] = pendingChangeRequests(f.db, f.curator);
		expect(() => closeChangeRequest(f.ctx, f.curator, request.id, 'rejected', '  ')).toThrow(InputError);
		closeChangeRequest(f.ctx, f.curator, request.id, 'rejected', '名称は変わっていません。');
		expect(pendingChangeRequests(f.db, f.curator)).toEqual([]);
		expect(readListing(f.db, f.listingA)?.input.name).toBe('旭ひだまりサロン');
	});

	it('creates new listings as 確認待ち (not public)', async () => {
		const id = await createListing(f.ctx, f.editorA, salonInput(f.orgA, { name: '旭 新しいサロン' }));
		expect(readListing(f.db, id)?.status).toBe('review');
		expect(isIndexed(f.db, id)).toBe(false);
	});

	it('cannot touch another organisation’s listings, nor publish', async () => {
		await expect(saveListing(f.ctx, f.editorA, f.listingB, salonInput(f.orgB))).rejects.toBeInstanceOf(ForbiddenError);
		// …nor move its own listing to another organisation, nor create one there.
		await expect(saveListing(f.ctx, f.editorA, f.listingA, salonInput(f.orgB))).rejects.toBeInstanceOf(ForbiddenError);
		await expect(createListing(f.ctx, f.editorA, salonInput(f.orgB))).rejects.toBeInstanceOf(ForbiddenError);
		await expect(changeStatus(f.ctx, f.editorA, f.listingA, 'unpublish')).rejects.toBeInstanceOf(ForbiddenError);
		await expect(verifyListing(f.ctx, f.editorA, f.listingB)).rejects.toBeInstanceOf(ForbiddenError);
		const own = listListings(f.db, f.editorA, { q: '', status: '', page: 1 }).rows;
		expect(own.map((row) => row.id)).toContain(f.listingA);
		expect(own.every((row) => row.organizationName === '旭地区社会福祉協議会')).toBe(true);
	});

	it('refuses areas and terms that do not exist, in Japanese, per field', async () => {
		const input = salonInput(f.orgA);
		input.location!.areaIds = ['no-such-area'];
		const error = await createListing(f.ctx, f.curator, input).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(InputError);
		expect((error as InputError).errors['location.areaIds']).toMatch(/地域/);
	});
});

describe('review diff', () => {
	it('does not show a different order of 困りごと, 対象 or 分類 as a change', () => {
		const before = salonInput(f.orgA, { tags: ['居場所', '見守り', '健康づくり'], targets: ['高齢者', '誰でも'], termCodes: ['salon', 'hyakusai-taiso'] });
		const after = salonInput(f.orgA, { tags: ['健康づくり', '居場所', '見守り'], targets: ['誰でも', '高齢者'], termCodes: ['hyakusai-taiso', 'salon'] });
		const names = displayNames(f.db);
		expect(diffListings(before, after, names)).toEqual([]);
		const changed = diffListings(before, salonInput(f.orgA, { tags: ['居場所', '見守り'], targets: ['高齢者', '誰でも'], termCodes: ['salon', 'hyakusai-taiso'] }), names);
		expect(changed.map((change) => change.label)).toEqual(['困りごと']);
	});
});

describe('organisations list', () => {
	it('shows how many listings each organisation has (掲載数)', () => {
		const rows = listOrganizations(f.db);
		for (const organizationId of [f.orgA, f.orgB]) {
			const stored = f.db.select().from(t.services).where(eq(t.services.organizationId, organizationId)).all().length;
			expect(stored).toBeGreaterThan(0);
			expect(rows.find((row) => row.id === organizationId)?.listings).toBe(stored);
		}
	});
});

describe('locations', () => {
	it('copies a location shared with another listing instead of moving the other listing', async () => {
		const other = await createListing(f.ctx, f.curator, salonInput(f.orgB, { name: '同じ場所の別の活動' }));
		const shared = readListing(f.db, f.listingB)!;
		const locationId = f.db.select().from(t.serviceLocations).where(eq(t.serviceLocations.serviceId, f.listingB)).get()!.locationId;
		f.db.update(t.serviceLocations).set({ locationId }).where(eq(t.serviceLocations.serviceId, other)).run();
		const moved = salonInput(f.orgB, { name: '同じ場所の別の活動' });
		moved.location!.addressLine = '本町5丁目1-45';
		await saveListing(f.ctx, f.curator, other, moved);
		expect(readListing(f.db, f.listingB)?.input.location?.addressLine).toBe(shared.input.location?.addressLine);
		expect(readListing(f.db, other)?.input.location?.addressLine).toBe('本町5丁目1-45');
	});
});

describe('freshness', () => {
	it('counts listings not verified for 12 months by field and 地区, scoped for org_editors', () => {
		const now = new Date('2026-11-24T00:00:00Z');
		expect(staleCutoff(now)).toBe('2025-11-24');
		f.db.update(t.services).set({ lastVerifiedAt: '2024-01-01T00:00:00.000Z' }).where(eq(t.services.id, f.listingA)).run();
		const report = freshnessReport(f.db, f.curator, { field: '', district: '' }, now);
		expect(report.listings.map((l) => l.id)).toContain(f.listingA);
		expect(report.listings.map((l) => l.id)).not.toContain(f.listingB); // verified 2026-05-01
		expect(report.byField.find((row) => row.field === '地域資源')?.stale).toBeGreaterThan(0);
		expect(report.byDistrict.reduce((sum, row) => sum + row.stale, 0)).toBe(report.totalStale);
		// Both organisations now have a stale listing: the scoped and filtered lists are not empty.
		f.db.update(t.services).set({ lastVerifiedAt: '2024-02-01T00:00:00.000Z' }).where(eq(t.services.id, f.listingB)).run();
		const scoped = freshnessReport(f.db, f.editorB, { field: '', district: '' }, now);
		expect(scoped.listings.map((l) => l.id)).toContain(f.listingB);
		expect(scoped.listings.every((l) => l.organizationName === 'みなみ薬局')).toBe(true);
		const filtered = freshnessReport(f.db, f.curator, { field: '医療', district: '' }, now);
		expect(filtered.listings.map((l) => l.id)).toContain(f.listingB);
		expect(filtered.listings.every((l) => l.field === '医療')).toBe(true);
	});
});
