/**
 * The /hsds/ read API on the whole generated sample: every published listing's
 * /hsds/services/{id} validates against the compiled HSDS 3.0 schema (ajv), lists and their
 * parameters (search, page, per_page, taxonomy_term_id, modified_after, minimal, full) behave,
 * and bad parameters are reasons, not errors.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db';
import { generateSample } from '../../data/sample/generate';
import {
	getOrganization,
	getService,
	getServiceAtLocation,
	getTaxonomyTerm,
	hsdsRoot,
	listOrganizations,
	listServiceAtLocations,
	listServices,
	listTaxonomies,
	listTaxonomyTerms,
	parseListQuery,
	type HsdsListQuery
} from '../../src/lib/server/importers/hsds-api';

const SCHEMAS = fs.existsSync(path.resolve('../../shared/fixtures/hsds-3.0/schema')) ? path.resolve('../../shared/fixtures/hsds-3.0/schema') : '/work/shared/fixtures/hsds-3.0/schema';
const addFormats = (addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const compiled = (name: string): ValidateFunction => ajv.compile(JSON.parse(fs.readFileSync(path.join(SCHEMAS, 'compiled', `${name}.json`), 'utf8')));
// The plain schemas refer to each other by file name ("metadata.json").
for (const file of fs.readdirSync(SCHEMAS).filter((name) => name.endsWith('.json') && name !== 'openapi.json')) {
	ajv.addSchema(JSON.parse(fs.readFileSync(path.join(SCHEMAS, file), 'utf8')), file);
}
const plain = (name: string): ValidateFunction => ajv.getSchema(`${name}.json`)!;
const PAGE_KEYS = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'];

/** A list answer: the page wrapper of the OpenAPI document, and every item against the list schema. */
function expectPage(validateItem: ValidateFunction, answer: { contents: unknown[] }, label: string): void {
	expect(Object.keys(answer).sort()).toEqual([...PAGE_KEYS].sort());
	for (const [index, item] of answer.contents.entries()) expectValid(validateItem, item, `${label}[${index}]`);
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-hsds-api-'));
let db: AppDatabase;

function query(params: Record<string, string> = {}): HsdsListQuery {
	const parsed = parseListQuery(new URLSearchParams(params));
	if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
	return parsed.query;
}

function expectValid(validate: ValidateFunction, value: unknown, label: string): void {
	const valid = validate(value);
	expect(valid ? [] : validate.errors!.slice(0, 5).map((error) => `${label} ${error.instancePath} ${error.message}`)).toEqual([]);
}

beforeAll(() => {
	db = openDatabase(path.join(dir, 'api.db'), { migrationsDir: path.resolve('drizzle') });
	generateSample(db, { listings: 600, events: 40 });
});

afterAll(() => {
	db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('/hsds/services', () => {
	it('/hsds/services/{id} for every published sample listing validates against schema/compiled/service.json', () => {
		const validate = compiled('service');
		const ids = db.$client.prepare("SELECT id FROM services WHERE status = 'published'").pluck().all() as string[];
		expect(ids.length).toBeGreaterThan(500);
		for (const id of ids) expectValid(validate, getService(db, id), id);
	});

	it('is fully nested and hides what is not published', () => {
		const id = db.$client.prepare("SELECT s.id FROM services s JOIN desk_certifications d ON d.service_id = s.id WHERE s.status = 'published' LIMIT 1").pluck().get() as string;
		const service = getService(db, id)!;
		expect(service.organization).toMatchObject({ id: expect.any(String), name: expect.any(String) });
		expect((service.service_at_locations as unknown[]).length).toBe(1);
		expect((service.schedules as unknown[]).length).toBeGreaterThan(0);
		expect(service['x-desk']).toMatchObject({ scheme: 'ほおっちょけん相談窓口' });
		const draft = db.$client.prepare("SELECT id FROM services WHERE status <> 'published' LIMIT 1").pluck().get() as string | undefined;
		if (draft) expect(getService(db, draft)).toBeNull();
		expect(getService(db, 'no-such-id')).toBeNull();
	});

	it('pages with page and per_page, and each page validates as a service list', () => {
		const validate = compiled('service_list');
		const validateFull = compiled('service');
		const total = db.$client.prepare("SELECT count(*) FROM services WHERE status = 'published'").pluck().get() as number;
		const first = listServices(db, query({ per_page: '25' }));
		expect(first).toMatchObject({ total_items: total, total_pages: Math.ceil(total / 25), page_number: 1, size: 25, first_page: true, last_page: false, empty: false });
		expectPage(validate, first, 'page 1');
		const last = listServices(db, query({ per_page: '25', page: String(first.total_pages) }));
		expect(last.last_page).toBe(true);
		expect(last.size).toBe(total - 25 * (first.total_pages - 1));
		const beyond = listServices(db, query({ per_page: '25', page: String(first.total_pages + 1) }));
		expect(beyond).toMatchObject({ empty: true, size: 0 });
		// Pages do not overlap.
		const second = listServices(db, query({ per_page: '25', page: '2' }));
		const firstIds = new Set(first.contents.map((service) => service.id));
		expect(second.contents.some((service) => firstIds.has(service.id))).toBe(false);
		// One-to-one fields only, unless full.
		expect(first.contents[0].service_at_locations).toBeUndefined();
		const full = listServices(db, query({ per_page: '3', full: 'true' }));
		expect(full.contents[0].service_at_locations).toBeDefined();
		expectPage(validateFull, full, 'full');
	});

	it('search, taxonomy_term_id, modified_after and minimal narrow the list', () => {
		const searched = listServices(db, query({ search: '薬局', per_page: '500' }));
		expect(searched.total_items).toBeGreaterThan(0);
		for (const service of searched.contents) expect(`${service.name}${service.description ?? ''}`).toContain('薬局');

		const salonTerm = db.$client.prepare("SELECT id FROM taxonomy_terms WHERE code = 'salon'").pluck().get() as string;
		const salons = listServices(db, query({ taxonomy_term_id: salonTerm, per_page: '500' }));
		const expected = db.$client
			.prepare("SELECT count(*) FROM services s JOIN service_terms st ON st.service_id = s.id WHERE st.term_id = ? AND s.status = 'published'")
			.pluck()
			.get(salonTerm) as number;
		expect(salons.total_items).toBe(expected);
		expect(listServices(db, query({ taxonomy_term_id: 'salon' })).total_items).toBe(expected);
		const termOfService = getService(db, String(salons.contents[0].id))!.attributes as Array<{ taxonomy_term_id: string }>;
		expect(termOfService.map((attribute) => attribute.taxonomy_term_id)).toContain(salonTerm);

		const ids = db.$client.prepare("SELECT id FROM services WHERE status = 'published' ORDER BY id LIMIT 3").pluck().all() as string[];
		db.$client.prepare(`UPDATE services SET updated_at = '2030-01-01T00:00:00.000Z' WHERE id IN (${ids.map(() => '?').join(',')})`).run(...ids);
		const recent = listServices(db, query({ modified_after: '2029-12-31T00:00:00+09:00', minimal: 'true' }));
		expect(recent.contents.map((service) => service.id).sort()).toEqual(ids);
		expect(Object.keys(recent.contents[0]).sort()).toEqual(['id', 'last_modified', 'name', 'status']);
		expectPage(compiled('service_list'), recent, 'minimal');
	});

	it('rejects bad parameters with Japanese and English reasons', () => {
		for (const params of [{ page: '0' }, { per_page: '501' }, { per_page: 'abc' }, { modified_after: '昨日' }, { minimal: 'yes' }] as Array<Record<string, string>>) {
			const parsed = parseListQuery(new URLSearchParams(params));
			expect(parsed.ok, JSON.stringify(params)).toBe(false);
			if (!parsed.ok) {
				expect(parsed.issues[0].param).toBe(Object.keys(params)[0]);
				expect(parsed.issues[0].ja).toMatch(/[ぁ-ん]/);
				expect(parsed.issues[0].en).toMatch(/[a-z]/);
			}
		}
	});
});

describe('/hsds/organizations, taxonomies, taxonomy_terms, service_at_locations', () => {
	it('organizations list and detail validate; detail carries its published services', () => {
		const list = listOrganizations(db, query({ per_page: '20' }));
		expect(list.size).toBe(20);
		expectPage(compiled('organization_list'), list, 'list');
		const validate = compiled('organization');
		const organization = getOrganization(db, String(list.contents[0].id), false)!;
		expectValid(validate, organization, 'detail');
		expect((organization.services as unknown[]).length).toBeGreaterThan(0);
		expectPage(compiled('organization'), listOrganizations(db, query({ per_page: '5', full: 'true' })), 'full list');
	});

	it('taxonomies and taxonomy terms validate, filter by taxonomy and search', () => {
		const validateTaxonomy = plain('taxonomy');
		const taxonomies = listTaxonomies(query());
		expect(taxonomies.contents.map((taxonomy) => taxonomy.name)).toEqual(['tsunagi-field', 'tsunagi-term', 'tsunagi-tag', 'tsunagi-target']);
		for (const taxonomy of taxonomies.contents) expectValid(validateTaxonomy, taxonomy, String(taxonomy.name));
		const validateTerm = plain('taxonomy_term');
		const fields = listTaxonomyTerms(db, query({ taxonomy_id: String(taxonomies.contents[0].id) }));
		expect(fields.contents.map((term) => term.name)).toEqual(['医療', '介護', '障害', '子育て', '地域資源']);
		const salon = listTaxonomyTerms(db, query({ search: 'サロン' }));
		expect(salon.contents.map((term) => term.code)).toContain('salon');
		for (const term of listTaxonomyTerms(db, query({ per_page: '500' })).contents) expectValid(validateTerm, term, String(term.name));
		expect(getTaxonomyTerm(db, String(fields.contents[0].id))?.name).toBe('医療');
		// A field term id filters services by 分野.
		const medical = listServices(db, query({ taxonomy_term_id: String(fields.contents[0].id), per_page: '500' }));
		expect(medical.total_items).toBe(db.$client.prepare("SELECT count(*) FROM services WHERE field = '医療' AND status = 'published'").pluck().get());
	});

	it('service_at_locations list and detail validate', () => {
		const list = listServiceAtLocations(db, query({ per_page: '10' }));
		expect(list.size).toBe(10);
		expectPage(compiled('service_at_location_list'), list, 'list');
		const detail = getServiceAtLocation(db, String(list.contents[0].id))!;
		expectValid(compiled('service_at_location'), detail, 'detail');
		expect(detail.location).toMatchObject({ id: list.contents[0].location_id });
	});

	it('the root names the version, profile and OpenAPI document', () => {
		expect(hsdsRoot('https://example.jp')).toEqual({ version: '3.0', profile: expect.stringContaining('openreferral'), openapi_url: 'https://example.jp/api/openapi.json' });
	});
});

describe('/api/openapi.json', () => {
	it('describes every /hsds/ read endpoint and the search API', async () => {
		const { openApiDocument } = await import('../../src/lib/server/openapi');
		const document = openApiDocument('https://example.jp') as { openapi: string; paths: Record<string, unknown> };
		expect(document.openapi).toBe('3.1.0');
		for (const route of ['/hsds/', '/hsds/services', '/hsds/services/{id}', '/hsds/organizations', '/hsds/organizations/{id}', '/hsds/taxonomies', '/hsds/taxonomy_terms', '/hsds/service_at_locations', '/api/search', '/api/services/{id}']) {
			expect(Object.keys(document.paths)).toContain(route);
		}
	});
});
