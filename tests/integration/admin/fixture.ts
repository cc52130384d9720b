/**
 * A small, real SQLite database for the admin tests: migrated, with the taxonomy, two
 * organisations, a 地区, one published listing per organisation, and three accounts (curator,
 * org_editor of organisation A, org_editor of organisation B). The embedded search index is real.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { openDatabase, type AppDatabase } from '../../../src/lib/server/db';
import * as t from '../../../src/lib/server/db/schema';
import { EmbeddedSearchEngine } from '../../../src/lib/server/search/embedded';
import { SearchSync } from '../../../src/lib/server/search/sync';
import { TAXONOMY_TERMS } from '../../../src/lib/domain/taxonomy';
import { createUser } from '../../../src/lib/server/auth/users';
import { loadSessionUser } from '../../../src/lib/server/auth/sessions';
import type { SessionUser } from '../../../src/lib/server/auth/types';
import { emptyListingValues, type ListingFormValues } from '../../../src/lib/domain/listing-form';
import { parseListingValues, type ListingInput } from '../../../src/lib/server/admin/listing-input';
import { insertListing } from '../../../src/lib/server/admin/listing-store';
import type { AdminContext } from '../../../src/lib/server/admin/workflow';

export const PASSWORD = 'correct horse battery staple';

export interface AdminFixture {
	dir: string;
	file: string;
	db: AppDatabase;
	ctx: AdminContext;
	/** The sync behind ctx (events use it whole). */
	searchSync: SearchSync;
	orgA: string;
	orgB: string;
	districtId: string;
	listingA: string;
	listingB: string;
	curator: SessionUser;
	editorA: SessionUser;
	editorB: SessionUser;
	close(): void;
}

/** Valid form values for a サロン of the given organisation, with overrides. */
export function salonValues(organizationId: string, overrides: Partial<ListingFormValues> = {}): ListingFormValues {
	const values = emptyListingValues(organizationId);
	Object.assign(values, { name: 'ひだまりサロン', field: '地域資源', termCodes: ['salon'], targets: ['高齢者'], tags: ['居場所'] });
	values.location.addressLine = '旭町2丁目';
	values.location.lat = '33.5622';
	values.location.lng = '133.5129';
	values.sessions = [{ pattern: 'monthly-nth', weekdays: ['2'], nths: ['2', '4'], monthDays: '', opensAt: '10:00', closesAt: '11:30', note: '', rawRRule: '' }];
	values.contacts = [{ kind: 'phone', value: '088-823-9451', role: '受付' }];
	return Object.assign(values, overrides);
}

export function salonInput(organizationId: string, overrides: Partial<ListingFormValues> = {}): ListingInput {
	const parsed = parseListingValues(salonValues(organizationId, overrides));
	if (!parsed.ok) throw new Error(`fixture values invalid: ${JSON.stringify(parsed.errors)}`);
	return parsed.input;
}

export async function createAdminFixture(): Promise<AdminFixture> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-admin-'));
	const file = path.join(dir, 'test.db');
	const db = openDatabase(file, { migrationsDir: path.resolve('drizzle') });
	const embedded = new EmbeddedSearchEngine(db);
	const searchSync = new SearchSync(db, embedded);
	const ctx: AdminContext = { db, searchSync };
	for (const term of TAXONOMY_TERMS) {
		db.insert(t.taxonomyTerms).values({ id: randomUUID(), code: term.code, name: term.name, nameKana: term.kana, field: term.field }).run();
	}
	const orgA = randomUUID();
	const orgB = randomUUID();
	db.insert(t.organizations).values({ id: orgA, name: '旭地区社会福祉協議会', kind: '社協' }).run();
	db.insert(t.organizations).values({ id: orgB, name: 'みなみ薬局', kind: '薬局' }).run();
	const districtId = randomUUID();
	db.insert(t.areas).values({ id: districtId, kind: '地区', slug: 'asahi', name: '旭' }).run();
	const listingA = insertListing(db, salonInput(orgA, { name: '旭サロン' }), 'published');
	const listingB = insertListing(db, salonInput(orgB, { name: 'みなみ薬局 健康相談', field: '医療', termCodes: ['pharmacy'] }), 'published');
	await ctx.searchSync.afterCommit([listingA, listingB]);
	const curatorId = await createUser(db, { email: 'curator@example.jp', displayName: '市 担当', password: PASSWORD, role: 'curator' }, null);
	const editorAId = await createUser(db, { email: 'a@example.jp', displayName: '旭 編集', password: PASSWORD, role: 'org_editor', organizationIds: [orgA] }, null);
	const editorBId = await createUser(db, { email: 'b@example.jp', displayName: 'みなみ 編集', password: PASSWORD, role: 'org_editor', organizationIds: [orgB] }, null);
	return {
		dir,
		file,
		db,
		ctx,
		searchSync,
		orgA,
		orgB,
		districtId,
		listingA,
		listingB,
		curator: loadSessionUser(db, curatorId)!,
		editorA: loadSessionUser(db, editorAId)!,
		editorB: loadSessionUser(db, editorBId)!,
		close() {
			db.$client.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}

export function isIndexed(db: AppDatabase, serviceId: string): boolean {
	return db.$client.prepare('SELECT 1 FROM search_docs WHERE service_id = ?').get(serviceId) !== undefined;
}

export function indexedName(db: AppDatabase, serviceId: string): string | null {
	const row = db.$client.prepare('SELECT doc FROM search_docs WHERE service_id = ?').get(serviceId) as { doc: string } | undefined;
	return row ? (JSON.parse(row.doc) as { name: string }).name : null;
}
