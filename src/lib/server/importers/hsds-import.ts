/**
 * Imports Open Referral HSDS 3.0 JSON: an upsert by id of organizations, services (with their
 * locations, addresses, phones, schedules and taxonomy attributes), locations, service_at_location
 * objects, taxonomy terms and Tsunagi's areas. Each object is validated (zod) and written in its
 * own savepoint inside one transaction: an object that cannot be taken is reported with the reason
 * and leaves nothing behind, the rest is taken. Accepted input: the export bundle
 * ({organizations, services, …}), an array of objects, an API list page ({contents: […]}), or one
 * object. The extensions are described in hsds-model.ts.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppDatabase } from '../db';
import { loadCityProfile, type CityProfile } from '../city-profile';
import { FIELDS, TARGETS, TAXONOMY_TERMS } from '../../domain/taxonomy';
import { katakanaToHiragana } from '../../domain/text/normalize';
import {
	HsdsArea,
	HsdsLocation,
	HsdsOrganization,
	HsdsService,
	HsdsServiceAtLocation,
	HsdsTaxonomyTerm,
	VOCABULARY,
	describeIssues,
	type HsdsSchedule,
	type HsdsTaxonomyTerm as TaxonomyTermValue,
	type ParsedHsdsService
} from './hsds-model';

import { stableUuid } from './stable-id';

export { HsdsService } from './hsds-model';

export type HsdsObjectKind = 'area' | 'taxonomy' | 'taxonomy_term' | 'organization' | 'location' | 'service' | 'service_at_location';

export interface ImportProblem {
	kind: HsdsObjectKind | 'file';
	/** Where it was in the file: "services[3]". */
	position: string;
	id: string | null;
	name: string | null;
	reason: string;
}

export interface HsdsImportReport {
	taken: Record<HsdsObjectKind, number>;
	rejected: ImportProblem[];
	/** Objects understood but not stored (terms of other vocabularies, API root documents). */
	skipped: ImportProblem[];
	/** Objects taken with something left out (coordinates outside the globe). */
	warnings: ImportProblem[];
	/** Services written (for the search indexes). */
	serviceIds: string[];
	dryRun: boolean;
}

export interface HsdsImportDefaults {
	prefecture: string;
	city: string;
	deskProgramme: string;
}

export interface HsdsImportOptions {
	defaults: HsdsImportDefaults;
	/** Validate and write inside the transaction, report, then roll everything back. */
	dryRun?: boolean;
	/** Called inside the transaction with the services written (SearchSync.enqueue). */
	enqueue?: (serviceIds: string[]) => void;
	onProgress?: (done: number, total: number) => void;
}

interface Candidate {
	kind: HsdsObjectKind | 'root';
	position: string;
	value: unknown;
}

const KIND_ORDER: Record<HsdsObjectKind | 'root', number> = {
	root: 0,
	area: 1,
	taxonomy: 2,
	taxonomy_term: 3,
	organization: 4,
	location: 5,
	service: 6,
	service_at_location: 7
};

const BUNDLE_KEYS: Record<string, HsdsObjectKind> = {
	'x-areas': 'area',
	taxonomies: 'taxonomy',
	taxonomy_terms: 'taxonomy_term',
	organizations: 'organization',
	locations: 'location',
	services: 'service',
	service_at_locations: 'service_at_location'
};

function isObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What kind of HSDS object this is, from the fields only that kind has. */
export function classify(value: Record<string, unknown>): HsdsObjectKind | 'root' {
	if ('location' in value && ('service' in value || 'service_id' in value)) return 'service_at_location';
	if ('location_type' in value || 'latitude' in value || 'addresses' in value || 'transportation' in value) return 'location';
	if ('status' in value || 'service_at_locations' in value || 'organization' in value || 'organization_id' in value || 'x-status' in value) return 'service';
	if ('taxonomy' in value || 'taxonomy_detail' in value || 'term_uri' in value || 'taxonomy_id' in value || 'code' in value) return 'taxonomy_term';
	// An API root ({version, profile, openapi_url}) or a description of the tabular format: no data.
	if (!('id' in value) && !('name' in value)) return 'root';
	if ('version' in value && 'uri' in value && !('website' in value)) return 'taxonomy';
	if ('slug' in value && 'kind' in value) return 'area';
	return 'organization';
}

/** Every object of the input, with its kind and where it was, in the order they must be written. */
export function collectObjects(input: unknown): Candidate[] {
	const found: Candidate[] = [];
	const add = (value: unknown, position: string, kind?: HsdsObjectKind) => {
		if (!isObject(value)) {
			found.push({ kind: kind ?? 'service', position, value });
			return;
		}
		const objectKind = kind ?? classify(value);
		found.push({ kind: objectKind, position, value });
		// An organization may carry its services (organization_full.json).
		if (objectKind === 'organization' && Array.isArray(value.services)) {
			value.services.forEach((service, index) =>
				add(isObject(service) ? { organization_id: value.id, ...service } : service, `${position}.services[${index}]`, 'service')
			);
		}
	};
	if (Array.isArray(input)) input.forEach((value, index) => add(value, `[${index}]`));
	else if (isObject(input) && Array.isArray(input.contents)) input.contents.forEach((value, index) => add(value, `contents[${index}]`));
	else if (isObject(input) && Object.keys(BUNDLE_KEYS).some((key) => Array.isArray(input[key])) && !('id' in input)) {
		for (const [key, kind] of Object.entries(BUNDLE_KEYS)) {
			const list = input[key];
			if (Array.isArray(list)) list.forEach((value, index) => add(value, `${key}[${index}]`, kind));
		}
	} else add(input, '(root)');
	return found
		.map((candidate, order) => ({ candidate, order }))
		.sort((a, b) => KIND_ORDER[a.candidate.kind] - KIND_ORDER[b.candidate.kind] || a.order - b.order)
		.map(({ candidate }) => candidate);
}

/** "09:00:00" → "09:00"; "24:00" stays. */
function clock(value: string | null | undefined): string | null {
	const match = value ? /^(\d{1,2}):(\d{2})/.exec(value.normalize('NFKC').trim()) : null;
	if (!match || Number(match[1]) > 24 || Number(match[2]) > 59) return null;
	return `${match[1].padStart(2, '0')}:${match[2]}`;
}

const RRULE_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];
const KANA_PATTERN = /^[\u3041-\u3096\u30a1-\u30fa\u30fc・ 　0-9a-zA-Z.\-()（）、]+$/;

function vocabularyOf(term: TaxonomyTermValue): string {
	return term.vocabulary ?? term.taxonomy ?? term.taxonomy_detail?.name ?? '';
}

function blankToNull(value: string | null | undefined): string | null {
	const trimmed = value?.trim();
	return trimmed ? trimmed : null;
}

class Rejection extends Error {}

/** The built-in vocabulary must be there for term codes to resolve (a fresh database has none). */
export function ensureBuiltInTerms(db: AppDatabase): void {
	const insert = db.$client.prepare('INSERT OR IGNORE INTO taxonomy_terms (id, code, name, name_kana, field, vocabulary) VALUES (?, ?, ?, ?, ?, ?)');
	for (const term of TAXONOMY_TERMS) insert.run(stableUuid(`${VOCABULARY.term}:${term.code}`), term.code, term.name, term.kana, term.field, VOCABULARY.term);
}

export class HsdsImporter {
	private readonly sqlite;
	private readonly now = new Date().toISOString();
	private readonly seenOrganizations = new Set<string>();
	private readonly statements;
	private areaCount: number;
	private warn: (reason: string) => void = () => {};

	constructor(
		private readonly db: AppDatabase,
		private readonly defaults: HsdsImportDefaults
	) {
		this.sqlite = db.$client;
		const s = this.sqlite;
		this.statements = {
			termUpsert: s.prepare(
				'INSERT INTO taxonomy_terms (id, code, name, name_kana, field, vocabulary) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(code) DO UPDATE SET name = excluded.name'
			),
			termId: s.prepare('SELECT id FROM taxonomy_terms WHERE code = ?').pluck(),
			areaById: s.prepare('SELECT id FROM areas WHERE id = ?').pluck(),
			areaByName: s.prepare('SELECT id FROM areas WHERE kind = ? AND name = ?').pluck(),
			areaBySlug: s.prepare('SELECT id FROM areas WHERE kind = ? AND slug = ?').pluck(),
			areaUpsert: s.prepare(
				`INSERT INTO areas (id, kind, slug, name, name_kana, parent_id, polygon, center_lat, center_lng, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				 ON CONFLICT(id) DO UPDATE SET kind = excluded.kind, slug = excluded.slug, name = excluded.name, name_kana = excluded.name_kana,
				 parent_id = excluded.parent_id, polygon = excluded.polygon, center_lat = excluded.center_lat, center_lng = excluded.center_lng, sort_order = excluded.sort_order`
			),
			organizationExists: s.prepare('SELECT 1 FROM organizations WHERE id = ?').pluck(),
			organizationUpsert: s.prepare(
				`INSERT INTO organizations (id, name, name_kana, kind, description, url, email, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
				 ON CONFLICT(id) DO UPDATE SET name = excluded.name, name_kana = excluded.name_kana, kind = excluded.kind, description = excluded.description,
				 url = excluded.url, email = excluded.email, updated_at = excluded.updated_at`
			),
			serviceUpsert: s.prepare(
				`INSERT INTO services (id, organization_id, name, name_kana, field, description, fee, eligibility, how_to_apply, url, email, status, last_verified_at, is_sample, created_at, updated_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				 ON CONFLICT(id) DO UPDATE SET organization_id = excluded.organization_id, name = excluded.name, name_kana = excluded.name_kana, field = excluded.field,
				 description = excluded.description, fee = excluded.fee, eligibility = excluded.eligibility, how_to_apply = excluded.how_to_apply, url = excluded.url,
				 email = excluded.email, status = excluded.status, last_verified_at = excluded.last_verified_at, is_sample = excluded.is_sample, updated_at = excluded.updated_at`
			),
			serviceExists: s.prepare('SELECT 1 FROM services WHERE id = ?').pluck(),
			serviceField: s.prepare('SELECT field FROM services WHERE id = ?').pluck(),
			clearTerms: s.prepare('DELETE FROM service_terms WHERE service_id = ?'),
			clearTargets: s.prepare('DELETE FROM service_targets WHERE service_id = ?'),
			clearTags: s.prepare('DELETE FROM service_tags WHERE service_id = ?'),
			clearSchedules: s.prepare('DELETE FROM schedules WHERE service_id = ?'),
			clearContacts: s.prepare('DELETE FROM contacts WHERE service_id = ?'),
			clearDesk: s.prepare('DELETE FROM desk_certifications WHERE service_id = ?'),
			clearServiceLocations: s.prepare('DELETE FROM service_locations WHERE service_id = ?'),
			serviceTerm: s.prepare('INSERT OR IGNORE INTO service_terms (service_id, term_id) VALUES (?, ?)'),
			target: s.prepare('INSERT OR IGNORE INTO service_targets (service_id, target) VALUES (?, ?)'),
			tag: s.prepare('INSERT OR IGNORE INTO service_tags (service_id, tag) VALUES (?, ?)'),
			locationUpsert: s.prepare(
				`INSERT INTO locations (id, organization_id, name, postal_code, prefecture, city, address_line, building, lat, lng, access, accessibility, created_at, updated_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				 ON CONFLICT(id) DO UPDATE SET organization_id = coalesce(excluded.organization_id, organization_id), name = excluded.name, postal_code = excluded.postal_code,
				 prefecture = excluded.prefecture, city = excluded.city, address_line = excluded.address_line, building = excluded.building, lat = excluded.lat, lng = excluded.lng,
				 access = excluded.access, accessibility = excluded.accessibility, updated_at = excluded.updated_at`
			),
			locationExists: s.prepare('SELECT 1 FROM locations WHERE id = ?').pluck(),
			clearLocationAreas: s.prepare('DELETE FROM location_areas WHERE location_id = ?'),
			locationArea: s.prepare('INSERT OR IGNORE INTO location_areas (location_id, area_id) VALUES (?, ?)'),
			serviceLocation: s.prepare(
				'INSERT INTO service_locations (id, service_id, location_id) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET service_id = excluded.service_id, location_id = excluded.location_id'
			),
			serviceLocationPair: s.prepare('SELECT 1 FROM service_locations WHERE service_id = ? AND location_id = ?').pluck(),
			firstLocation: s.prepare('SELECT location_id FROM service_locations WHERE service_id = ? ORDER BY rowid LIMIT 1').pluck(),
			schedule: s.prepare(
				'INSERT INTO schedules (id, service_id, location_id, kind, weekday, opens_at, closes_at, rrule, dtstart, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
			),
			contact: s.prepare('INSERT INTO contacts (id, service_id, kind, value, role, sort_order) VALUES (?, ?, ?, ?, ?, ?)'),
			desk: s.prepare('INSERT INTO desk_certifications (id, service_id, scheme, certified_on, area_ids) VALUES (?, ?, ?, ?, ?)'),
			eventUpsert: s.prepare(
				`INSERT INTO events (id, service_id, location_id, title, title_kana, description, starts_at, ends_at, rrule, fee, capacity, how_to_apply, status, created_at, updated_at)
				 VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
				 ON CONFLICT(id) DO UPDATE SET service_id = excluded.service_id, location_id = excluded.location_id, title = excluded.title, title_kana = excluded.title_kana,
				 description = excluded.description, starts_at = excluded.starts_at, ends_at = excluded.ends_at, rrule = excluded.rrule, fee = excluded.fee,
				 capacity = excluded.capacity, how_to_apply = excluded.how_to_apply, status = excluded.status, updated_at = excluded.updated_at`
			)
		};
		this.areaCount = s.prepare('SELECT count(*) FROM areas').pluck().get() as number;
	}

	ensureBuiltInTerms(): void {
		ensureBuiltInTerms(this.db);
	}

	importAll(input: unknown, options: Omit<HsdsImportOptions, 'defaults'> = {}): HsdsImportReport {
		const report: HsdsImportReport = {
			taken: { area: 0, taxonomy: 0, taxonomy_term: 0, organization: 0, location: 0, service: 0, service_at_location: 0 },
			rejected: [],
			skipped: [],
			warnings: [],
			serviceIds: [],
			dryRun: options.dryRun ?? false
		};
		const candidates = collectObjects(input);
		const touched = new Set<string>();
		const place = new Map(candidates.map((candidate, index) => [candidate, index]));
		const rejectedAt = new Map<ImportProblem, number>();
		const reject = (candidate: Candidate, error: unknown) => {
			const problem = problemOf(candidate, error);
			rejectedAt.set(problem, place.get(candidate)!);
			report.rejected.push(problem);
		};

		// 1. Every object is validated (zod) before anything is written: a bad one is reported and left out.
		const valid: Array<{ candidate: Candidate; parsed: ParsedObject }> = [];
		for (const candidate of candidates) {
			try {
				valid.push({ candidate, parsed: validate(candidate) });
			} catch (error) {
				reject(candidate, error);
			}
		}

		// 2. Written in batches, one transaction each, without a savepoint per object. Should an object
		// still fail while writing (a reference to something missing), its batch is rolled back and
		// written again object by object, each in a savepoint, so exactly that object is left out.
		let builtInTermsReady = false;
		let done = candidates.length - valid.length;
		const writeOne = (item: (typeof valid)[number]) => {
			const { candidate, parsed } = item;
			// After the file's own terms (which keep their ids), before anything refers to a term.
			if (!builtInTermsReady && KIND_ORDER[candidate.kind] > KIND_ORDER.taxonomy_term) {
				this.ensureBuiltInTerms();
				builtInTermsReady = true;
			}
			this.warn = (reason) => report.warnings.push({ ...problemOf(candidate, null), reason });
			this.write(candidate, parsed, touched, report);
		};
		const batchIds = (before: Set<string>) => [...touched].filter((id) => !before.has(id));
		const fast = this.sqlite.transaction((batch: typeof valid, before: Set<string>) => {
			for (const item of batch) writeOne(item);
			options.enqueue?.(batchIds(before));
		});
		const savepoint = this.sqlite.transaction((item: (typeof valid)[number]) => writeOne(item));
		const careful = this.sqlite.transaction((batch: typeof valid, before: Set<string>) => {
			for (const item of batch) {
				try {
					savepoint(item);
				} catch (error) {
					reject(item.candidate, error);
				}
			}
			options.enqueue?.(batchIds(before));
		});
		const writeAll = () => {
			for (let start = 0; start < valid.length; start += WRITE_BATCH) {
				const batch = valid.slice(start, start + WRITE_BATCH);
				const state = this.snapshot(report, touched, builtInTermsReady);
				try {
					fast(batch, state.touched);
				} catch {
					builtInTermsReady = this.restore(state, report, touched);
					careful(batch, state.touched);
				}
				done += batch.length;
				options.onProgress?.(done, candidates.length);
			}
			if (!builtInTermsReady) this.ensureBuiltInTerms();
			report.serviceIds = [...touched];
		};
		const restoreCache = this.bulkCache(valid.length);
		try {
			if (report.dryRun) {
				// One transaction around the batches (they become savepoints), rolled back at the end.
				this.sqlite.transaction(() => {
					writeAll();
					throw new DryRunRollback();
				})();
			} else writeAll();
		} catch (error) {
			if (!(error instanceof DryRunRollback)) throw error;
		} finally {
			restoreCache();
		}
		if (candidates.length === 0) options.onProgress?.(0, 0);
		// In file order, whichever step found them.
		report.rejected.sort((a, b) => rejectedAt.get(a)! - rejectedAt.get(b)!);
		return report;
	}

	/** What a batch changes outside SQLite, so a rolled-back batch can be written again from the same state. */
	private snapshot(report: HsdsImportReport, touched: Set<string>, builtInTermsReady: boolean) {
		return {
			taken: { ...report.taken },
			skipped: report.skipped.length,
			warnings: report.warnings.length,
			touched: new Set(touched),
			seenOrganizations: new Set(this.seenOrganizations),
			areaCount: this.areaCount,
			builtInTermsReady
		};
	}

	private restore(state: ReturnType<HsdsImporter['snapshot']>, report: HsdsImportReport, touched: Set<string>): boolean {
		report.taken = state.taken;
		report.skipped.length = state.skipped;
		report.warnings.length = state.warnings;
		touched.clear();
		for (const id of state.touched) touched.add(id);
		this.seenOrganizations.clear();
		for (const id of state.seenOrganizations) this.seenOrganizations.add(id);
		this.areaCount = state.areaCount;
		return state.builtInTermsReady;
	}

	/**
	 * Random UUID keys scatter inserts over every index page: with SQLite's default 2 MB page cache a
	 * large import reads pages back from disk for every row. A cache sized to the import while it runs
	 * (as the sample generator does); returns what puts the setting back.
	 */
	private bulkCache(objects: number): () => void {
		const previous = this.sqlite.pragma('cache_size', { simple: true }) as number;
		const kib = Math.min(Math.max(objects * 8, 65_536), 1_048_576);
		this.sqlite.pragma(`cache_size = -${kib}`);
		return () => this.sqlite.pragma(`cache_size = ${previous}`);
	}

	private write(candidate: Candidate, parsed: ParsedObject, touched: Set<string>, report: HsdsImportReport): void {
		const value = candidate.value as Record<string, unknown>;
		switch (candidate.kind) {
			case 'root':
				report.skipped.push({ kind: 'file', position: candidate.position, id: null, name: null, reason: 'データではない文書（API の案内・表形式の説明など）' });
				return;
			case 'area':
				this.writeArea(parsed as HsdsArea);
				break;
			case 'taxonomy':
				// Tsunagi's own vocabularies are built in; another directory's taxonomy has nothing to store here.
				if (!(Object.values(VOCABULARY) as string[]).includes(String(value.name))) {
					report.skipped.push({ kind: 'taxonomy', position: candidate.position, id: String(value.id ?? ''), name: String(value.name ?? ''), reason: 'つなぎの分類体系ではありません（その用語も読み込みません）' });
					return;
				}
				break;
			case 'taxonomy_term': {
				const term = parsed as z.infer<typeof HsdsTaxonomyTerm>;
				if (vocabularyOf(term) !== VOCABULARY.term) {
					report.skipped.push({ kind: 'taxonomy_term', position: candidate.position, id: term.id ?? null, name: term.name, reason: `つなぎの分類（${VOCABULARY.term}）ではない用語` });
					return;
				}
				this.termIdFor(term, '地域資源');
				break;
			}
			case 'organization':
				this.writeOrganization(parsed as z.infer<typeof HsdsOrganization>, true);
				break;
			case 'location':
				this.writeLocation(parsed as z.infer<typeof HsdsLocation>, null);
				break;
			case 'service':
				touched.add(this.writeService(parsed as ParsedHsdsService));
				break;
			case 'service_at_location': {
				const { link, service } = parsed as { link: z.infer<typeof HsdsServiceAtLocation>; service: ParsedHsdsService | null };
				const serviceId = link.service?.id ?? link.service_id;
				// The list and full forms nest the service itself: take it too when it is whole enough.
				if (service) touched.add(this.writeService(service));
				if (!serviceId || !this.statements.serviceExists.get(serviceId)) throw new Rejection(`サービス ${serviceId ?? '(なし)'} が見つかりません`);
				const locationId = this.writeLocation(link.location, null);
				this.statements.serviceLocation.run(link.id, serviceId, locationId);
				touched.add(serviceId);
				break;
			}
		}
		report.taken[candidate.kind]++;
	}

	private writeArea(area: HsdsArea): void {
		const bySlug = this.statements.areaBySlug.get(area.kind, area.slug) as string | undefined;
		if (bySlug && bySlug !== area.id) throw new Rejection(`${area.kind}「${area.slug}」は別の id（${bySlug}）で登録済みです`);
		this.statements.areaUpsert.run(
			area.id,
			area.kind,
			area.slug,
			area.name,
			area.name_kana ?? null,
			area.parent_id ?? null,
			area.polygon == null ? null : typeof area.polygon === 'string' ? area.polygon : JSON.stringify(area.polygon),
			area.center_lat ?? null,
			area.center_lng ?? null,
			area.sort_order ?? this.areaCount++
		);
	}

	/** A 地区 by name, created when the city does not have it yet (short `x-area` form). */
	private districtId(name: string): string {
		const existing = this.statements.areaByName.get('地区', name) as string | undefined;
		if (existing) return existing;
		const id = randomUUID();
		let slug = `area-${this.areaCount}`;
		while (this.statements.areaBySlug.get('地区', slug)) slug = `area-${++this.areaCount}`;
		this.statements.areaUpsert.run(id, '地区', slug, name, null, null, null, null, null, this.areaCount++);
		return id;
	}

	private areaIdFor(ref: { id?: string | null; kind?: string | null; slug?: string | null; name: string }): string {
		if (ref.id && this.statements.areaById.get(ref.id)) return ref.id;
		const kind = ref.kind ?? '地区';
		const bySlug = ref.slug ? (this.statements.areaBySlug.get(kind, ref.slug) as string | undefined) : undefined;
		const byName = bySlug ?? (this.statements.areaByName.get(kind, ref.name) as string | undefined);
		if (byName) return byName;
		if (!ref.slug || !ref.id) return this.districtId(ref.name);
		// A file that carries its own areas: take the area as it is described.
		this.writeArea(parse(HsdsArea, { id: ref.id, kind, slug: ref.slug, name: ref.name }));
		return ref.id;
	}

	private termIdFor(term: TaxonomyTermValue, field: string): string {
		const code = blankToNull(term.code) ?? term.name;
		const existing = this.statements.termId.get(code) as string | undefined;
		if (existing) return existing;
		const id = term.id && /^[\w-]{1,100}$/.test(term.id) ? term.id : stableUuid(`${VOCABULARY.term}:${code}`);
		const termField = term['x-field'] && (FIELDS as readonly string[]).includes(term['x-field']) ? term['x-field'] : field;
		this.statements.termUpsert.run(id, code, term.name, term['x-kana'] ?? null, termField, VOCABULARY.term);
		return this.statements.termId.get(code) as string;
	}

	private writeOrganization(organization: z.infer<typeof HsdsOrganization>, always: boolean): void {
		if (!always && this.seenOrganizations.has(organization.id)) return;
		this.seenOrganizations.add(organization.id);
		const kana = organization['x-kana'] ?? (organization.alternate_name && KANA_PATTERN.test(organization.alternate_name) ? organization.alternate_name : null);
		this.statements.organizationUpsert.run(
			organization.id,
			organization.name,
			kana ? katakanaToHiragana(kana) : null,
			organization['x-kind'] ?? '任意団体',
			blankToNull(organization.description),
			blankToNull(organization.website),
			blankToNull(organization.email),
			this.now,
			this.now
		);
	}

	private writeLocation(location: z.infer<typeof HsdsLocation>, organizationId: string | null): string {
		const id = location.id ?? randomUUID();
		const address = location.addresses?.[0];
		let latitude = location.latitude ?? null;
		let longitude = location.longitude ?? null;
		if ((latitude !== null && Math.abs(latitude) > 90) || (longitude !== null && Math.abs(longitude) > 180) || (latitude === null) !== (longitude === null)) {
			this.warn(`場所 ${id}: 緯度・経度（${latitude}, ${longitude}）が正しくないため、座標なしで読み込みました`);
			latitude = longitude = null;
		}
		const accessibility = (location.accessibility ?? []).map((item) => item.description ?? item.details ?? '').filter((item) => item !== '');
		this.statements.locationUpsert.run(
			id,
			location.organization_id && this.statements.organizationExists.get(location.organization_id) ? location.organization_id : organizationId,
			blankToNull(location.name),
			blankToNull(address?.postal_code),
			blankToNull(address?.state_province) ?? this.defaults.prefecture,
			blankToNull(address?.city) ?? this.defaults.city,
			blankToNull(address?.address_1),
			blankToNull(address?.address_2),
			latitude,
			longitude,
			blankToNull(location.transportation),
			accessibility.length > 0 ? JSON.stringify(accessibility) : null,
			this.now,
			this.now
		);
		const areaIds = new Set<string>();
		for (const ref of location['x-areas'] ?? []) areaIds.add(this.areaIdFor(ref));
		if (location['x-area']) areaIds.add(this.districtId(location['x-area']));
		if (location['x-areas'] || location['x-area']) {
			this.statements.clearLocationAreas.run(id);
			for (const areaId of areaIds) this.statements.locationArea.run(id, areaId);
		}
		return id;
	}

	private writeService(service: ParsedHsdsService): string {
		const st = this.statements;
		const terms = (service.attributes ?? []).map((attribute) => attribute.taxonomy_term);
		const ofVocabulary = (vocabulary: string) => terms.filter((term) => vocabularyOf(term) === vocabulary);
		const field = ofVocabulary(VOCABULARY.field)[0]?.name ?? (st.serviceField.get(service.id) as string | undefined) ?? '地域資源';
		if (!(FIELDS as readonly string[]).includes(field)) throw new Rejection(`分野「${field}」は ${FIELDS.join('・')} のどれかです`);
		const targets = ofVocabulary(VOCABULARY.target).map((term) => term.name);
		const badTarget = targets.find((target) => !(TARGETS as readonly string[]).includes(target));
		if (badTarget) throw new Rejection(`対象「${badTarget}」は ${TARGETS.join('・')} のどれかです`);

		const organizationId = service.organization?.id ?? service.organization_id;
		if (!organizationId) throw new Rejection('団体（organization または organization_id）がありません');
		if (service.organization) this.writeOrganization(service.organization, false);
		else if (!st.organizationExists.get(organizationId)) throw new Rejection(`団体 ${organizationId} が見つかりません`);

		const kana = service['x-kana'] ?? (service.alternate_name && KANA_PATTERN.test(service.alternate_name) ? service.alternate_name : null);
		const existed = st.serviceExists.get(service.id) !== undefined;
		const status = service['x-status'] ?? (!service.status || service.status === 'active' ? 'published' : 'archived');
		st.serviceUpsert.run(
			service.id,
			organizationId,
			service.name,
			kana ? katakanaToHiragana(kana.normalize('NFKC')) : null,
			field,
			blankToNull(service.description),
			blankToNull(service.fees_description),
			blankToNull(service.eligibility_description),
			blankToNull(service.application_process),
			blankToNull(service.url),
			blankToNull(service.email),
			status,
			service['x-last-verified-at'] ?? blankToNull(service.assured_date),
			service['x-is-sample'] ? 1 : 0,
			this.now,
			this.now
		);
		// An upsert replaces the collections the object carries and keeps the ones it does not mention.
		// (A new service has nothing to replace: eight deletes saved per object on a first import.)
		const replaces = (present: unknown, ...clears: Array<{ run(id: string): unknown }>) => {
			if (existed && present !== undefined) for (const clear of clears) clear.run(service.id);
		};
		replaces(service.attributes, st.clearTerms, st.clearTargets, st.clearTags);
		replaces(service.schedules, st.clearSchedules);
		replaces(service['x-contacts'] ?? service.phones ?? service.contacts, st.clearContacts);
		replaces(service['x-desk'], st.clearDesk);
		replaces(service.service_at_locations, st.clearServiceLocations);

		for (const term of ofVocabulary(VOCABULARY.term)) st.serviceTerm.run(service.id, this.termIdFor(term, field));
		for (const tag of ofVocabulary(VOCABULARY.tag)) st.tag.run(service.id, tag.name);
		for (const target of targets) st.target.run(service.id, target);

		for (const link of service.service_at_locations ?? []) {
			const locationId = this.writeLocation(link.location, organizationId);
			if (st.serviceLocationPair.get(service.id, locationId)) continue;
			st.serviceLocation.run(link.id ?? randomUUID(), service.id, locationId);
		}
		const locationId = (st.firstLocation.get(service.id) as string | undefined) ?? null;
		for (const schedule of service.schedules ?? []) this.writeSchedule(service.id, locationId, schedule);

		const contacts =
			service['x-contacts'] ??
			[
				...(service.phones ?? []).map((phone) => ({ kind: phone.type === 'fax' ? 'fax' : 'phone', value: phone.number, role: phone.description ?? null })),
				...(service.contacts ?? []).filter((contact) => contact.email).map((contact) => ({ kind: 'email', value: contact.email!, role: contact.department ?? null }))
			];
		contacts.forEach((contact, index) => st.contact.run(randomUUID(), service.id, contact.kind, contact.value.trim(), contact.role ?? null, index));

		const desk = service['x-desk'];
		if (desk) {
			const details = desk === true ? {} : desk;
			const areaIds = (details.area_ids ?? []).filter((id) => st.areaById.get(id));
			st.desk.run(randomUUID(), service.id, details.scheme ?? this.defaults.deskProgramme, details.certified_on ?? this.now.slice(0, 10), JSON.stringify(areaIds));
		}
		for (const event of service['x-events'] ?? []) {
			st.eventUpsert.run(
				event.id,
				service.id,
				event.location_id && st.locationExists.get(event.location_id) ? event.location_id : null,
				event.title,
				event.title_kana ?? null,
				event.description ?? null,
				event.starts_at,
				event.ends_at ?? null,
				event.rrule ?? null,
				event.fee ?? null,
				event.capacity ?? null,
				event.how_to_apply ?? null,
				event.status ?? 'published',
				this.now,
				this.now
			);
		}
		return service.id;
	}

	/**
	 * A plain weekly schedule (WEEKLY, interval 1, weekdays only) becomes opening hours, one row per
	 * day; anything else (MONTHLY, every other week, nth weekdays, days of the month) a recurring
	 * session with its RRULE.
	 */
	private writeSchedule(serviceId: string, locationId: string | null, schedule: HsdsSchedule): void {
		const opensAt = clock(schedule.opens_at);
		const closesAt = clock(schedule.closes_at);
		if (schedule.opens_at && !opensAt) throw new Rejection(`schedules: opens_at「${schedule.opens_at}」は時刻（09:00）ではありません`);
		if (schedule.closes_at && !closesAt) throw new Rejection(`schedules: closes_at「${schedule.closes_at}」は時刻（17:00）ではありません`);
		const rrule = schedule['x-rrule'];
		const id = schedule.id ?? randomUUID();
		const note = blankToNull(schedule.notes);
		if (rrule) {
			this.statements.schedule.run(id, serviceId, locationId, 'session', null, opensAt, closesAt, rrule, schedule.dtstart ?? null, note);
			return;
		}
		const freq = (schedule.freq ?? 'WEEKLY').toUpperCase();
		const interval = Number(schedule.interval ?? 1);
		const days = (schedule.byday ?? '')
			.split(',')
			.map((day) => day.trim().toUpperCase())
			.filter(Boolean);
		const plainWeekly = freq === 'WEEKLY' && interval === 1 && days.length > 0 && days.every((day) => RRULE_DAYS.includes(day));
		if (plainWeekly && opensAt && closesAt) {
			days.forEach((day, index) =>
				this.statements.schedule.run(index === 0 ? id : randomUUID(), serviceId, locationId, 'hours', RRULE_DAYS.indexOf(day), opensAt, closesAt, null, null, null)
			);
			return;
		}
		if (days.length === 0 && (schedule.bymonthday == null || schedule.bymonthday === '')) return; // a note-only schedule: nothing to show as hours
		const parts = [`FREQ=${freq}`];
		if (interval > 1) parts.push(`INTERVAL=${interval}`);
		if (days.length > 0) parts.push(`BYDAY=${days.join(',')}`);
		if (schedule.bymonthday != null && schedule.bymonthday !== '' && days.length === 0) parts.push(`BYMONTHDAY=${schedule.bymonthday}`);
		this.statements.schedule.run(id, serviceId, locationId, 'session', null, opensAt, closesAt, parts.join(';'), schedule.dtstart ?? null, note);
	}
}

class DryRunRollback extends Error {}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.infer<T> {
	const parsed = schema.safeParse(value);
	if (!parsed.success) throw new Rejection(describeIssues(parsed.error));
	return parsed.data;
}

/** Objects per write transaction: large enough that commits are rare, small enough to redo one cheaply. */
const WRITE_BATCH = 5000;

type ParsedObject = unknown;

/** The object checked against its schema (no database needed); throws Rejection with the reason. */
function validate(candidate: Candidate): ParsedObject {
	const value = candidate.value;
	if (!isObject(value)) throw new Rejection('JSON のオブジェクトではありません');
	switch (candidate.kind) {
		case 'area':
			return parse(HsdsArea, value);
		case 'taxonomy_term':
			return parse(HsdsTaxonomyTerm, value);
		case 'organization':
			return parse(HsdsOrganization, value);
		case 'location':
			return parse(HsdsLocation, value);
		case 'service':
			return parse(HsdsService, value);
		case 'service_at_location': {
			const link = parse(HsdsServiceAtLocation, value);
			return { link, service: link.service && 'name' in link.service ? parse(HsdsService, link.service) : null };
		}
		default:
			return null;
	}
}

function problemOf(candidate: Candidate, error: unknown): ImportProblem {
	const value = isObject(candidate.value) ? candidate.value : {};
	return {
		kind: candidate.kind === 'root' ? 'file' : candidate.kind,
		position: candidate.position,
		id: typeof value.id === 'string' ? value.id : null,
		name: typeof value.name === 'string' ? value.name : typeof value.title === 'string' ? value.title : null,
		reason: error === null ? '' : error instanceof Rejection ? error.message : `保存できませんでした: ${(error as Error).message}`
	};
}

/** What an import fills in when the file does not say: the configured city's names. */
export function importDefaults(profile: CityProfile): HsdsImportDefaults {
	return { prefecture: profile.prefecture, city: profile.city, deskProgramme: profile.deskProgramme };
}

export function importHsds(db: AppDatabase, input: unknown, options: HsdsImportOptions): HsdsImportReport {
	return new HsdsImporter(db, options.defaults).importAll(input, options);
}

/**
 * For harnesses and tests that bring their own listings: everything must be taken, otherwise this
 * throws naming the objects that were not. Returns the number of services.
 */
export function importHsdsServices(
	db: AppDatabase,
	input: unknown,
	defaults: HsdsImportDefaults = importDefaults(loadCityProfile())
): number {
	const report = importHsds(db, input, { defaults });
	if (report.rejected.length > 0) {
		throw new Error(`HSDS import rejected ${report.rejected.length} object(s): ${report.rejected.map((p) => `${p.position} ${p.reason}`).join(' / ').slice(0, 800)}`);
	}
	return report.taken.service;
}
