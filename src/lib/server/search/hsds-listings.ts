/**
 * Loads listings given as Open Referral HSDS 3.0 service objects into a (fresh) database, keeping
 * their ids: the relevance harness and the contract tests bring their own listings this way.
 *
 * What is read (everything else is ignored):
 * - service: id, name, alternate_name (よみがな), description, status ("active" → published)
 * - organization: id, name, alternate_name (よみがな); x-kind (organisation kind, default 任意団体)
 * - phones[].number
 * - schedules[]: freq WEEKLY with byday and opens_at/closes_at → opening hours per weekday;
 *   anything else (MONTHLY, interval > 1, bymonthday) → a recurring session (RRULE)
 * - service_at_locations[].location: id, name, latitude, longitude, addresses[] (address_1,
 *   address_2, city, state_province, postal_code) and x-area (the 地区 name, created if missing)
 * - attributes[].taxonomy_term with vocabulary (taxonomy_term.taxonomy or taxonomy_detail.name):
 *   tsunagi-field (name = 分野), tsunagi-term (code, name), tsunagi-tag (name = 困りごと tag),
 *   tsunagi-target (name = 対象)
 * - x-desk: true for a certified なんでも相談窓口
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { AppDatabase } from '../db';
import { FIELDS, TAXONOMY_TERMS, TERM_BY_CODE } from '../../domain/taxonomy';

const RRULE_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

const text = z.string().nullish();
const TaxonomyTerm = z.object({
	code: text,
	name: z.string(),
	taxonomy: text,
	vocabulary: text,
	taxonomy_detail: z.object({ name: text }).nullish()
});
const Schedule = z.object({
	freq: text,
	interval: z.number().nullish(),
	byday: text,
	bymonthday: z.union([z.string(), z.number()]).nullish(),
	dtstart: text,
	opens_at: text,
	closes_at: text
});
const Location = z.object({
	id: z.string().optional(),
	name: text,
	latitude: z.number().nullish(),
	longitude: z.number().nullish(),
	addresses: z
		.array(z.object({ address_1: text, address_2: text, city: text, state_province: text, postal_code: text }))
		.nullish(),
	'x-area': text
});
export const HsdsService = z.object({
	id: z.string(),
	name: z.string(),
	alternate_name: text,
	description: text,
	status: text,
	organization: z.object({ id: z.string(), name: z.string(), alternate_name: text, 'x-kind': text }),
	phones: z.array(z.object({ number: z.string() })).nullish(),
	schedules: z.array(Schedule).nullish(),
	service_at_locations: z.array(z.object({ id: z.string().optional(), location: Location })).nullish(),
	attributes: z.array(z.object({ taxonomy_term: TaxonomyTerm })).nullish(),
	'x-desk': z.boolean().nullish()
});
export type HsdsService = z.infer<typeof HsdsService>;

function vocabularyOf(term: z.infer<typeof TaxonomyTerm>): string {
	return term.vocabulary ?? term.taxonomy ?? term.taxonomy_detail?.name ?? '';
}

/** "09:00:00" → "09:00". */
function clock(value: string | null | undefined): string | null {
	const match = value ? /^(\d{1,2}):(\d{2})/.exec(value) : null;
	return match ? `${match[1].padStart(2, '0')}:${match[2]}` : null;
}

/** Validates and inserts; returns the number of services. Throws naming the first bad entry. */
export function importHsdsServices(db: AppDatabase, input: unknown): number {
	const parsed = z.array(HsdsService).safeParse(input);
	if (!parsed.success) throw new Error(`not an array of HSDS 3.0 services: ${parsed.error.message.slice(0, 500)}`);
	const services = parsed.data;
	const sqlite = db.$client;
	const now = new Date().toISOString();
	const statements = {
		term: sqlite.prepare('INSERT OR IGNORE INTO taxonomy_terms (id, code, name, name_kana, field, vocabulary) VALUES (?, ?, ?, ?, ?, ?)'),
		termId: sqlite.prepare('SELECT id FROM taxonomy_terms WHERE code = ?').pluck(),
		area: sqlite.prepare("SELECT id FROM areas WHERE kind = '地区' AND name = ?").pluck(),
		areaInsert: sqlite.prepare("INSERT INTO areas (id, kind, slug, name, sort_order) VALUES (?, '地区', ?, ?, ?)"),
		organization: sqlite.prepare('INSERT OR IGNORE INTO organizations (id, name, name_kana, kind, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)'),
		service: sqlite.prepare(
			'INSERT INTO services (id, organization_id, name, name_kana, field, description, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)'
		),
		serviceTerm: sqlite.prepare('INSERT OR IGNORE INTO service_terms (service_id, term_id) VALUES (?, ?)'),
		target: sqlite.prepare('INSERT OR IGNORE INTO service_targets (service_id, target) VALUES (?, ?)'),
		tag: sqlite.prepare('INSERT OR IGNORE INTO service_tags (service_id, tag) VALUES (?, ?)'),
		location: sqlite.prepare(
			'INSERT OR IGNORE INTO locations (id, name, postal_code, prefecture, city, address_line, building, lat, lng, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)'
		),
		locationArea: sqlite.prepare('INSERT OR IGNORE INTO location_areas (location_id, area_id) VALUES (?, ?)'),
		serviceLocation: sqlite.prepare('INSERT INTO service_locations (id, service_id, location_id) VALUES (?, ?, ?)'),
		schedule: sqlite.prepare(
			'INSERT INTO schedules (id, service_id, kind, weekday, opens_at, closes_at, rrule, dtstart) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
		),
		contact: sqlite.prepare("INSERT INTO contacts (id, service_id, kind, value, sort_order) VALUES (?, ?, 'phone', ?, ?)"),
		desk: sqlite.prepare("INSERT INTO desk_certifications (id, service_id, scheme, certified_on, area_ids) VALUES (?, ?, ?, ?, '[]')")
	};
	for (const term of TAXONOMY_TERMS) statements.term.run(randomUUID(), term.code, term.name, term.kana, term.field, 'tsunagi-term');
	let areaCount = sqlite.prepare('SELECT count(*) FROM areas').pluck().get() as number;
	const areaId = (name: string): string => {
		const existing = statements.area.get(name) as string | undefined;
		if (existing) return existing;
		const id = randomUUID();
		statements.areaInsert.run(id, `area-${areaCount}`, name, areaCount);
		areaCount++;
		return id;
	};

	sqlite.transaction(() => {
		for (const service of services) {
			const terms = (service.attributes ?? []).map((attribute) => attribute.taxonomy_term);
			const ofVocabulary = (vocabulary: string) => terms.filter((term) => vocabularyOf(term) === vocabulary);
			const field = ofVocabulary('tsunagi-field')[0]?.name ?? '地域資源';
			if (!(FIELDS as readonly string[]).includes(field)) throw new Error(`service ${service.id}: unknown field ${field}`);
			const organization = service.organization;
			statements.organization.run(organization.id, organization.name, organization.alternate_name ?? null, organization['x-kind'] ?? '任意団体', now, now);
			statements.service.run(
				service.id,
				organization.id,
				service.name,
				service.alternate_name ?? null,
				field,
				service.description ?? null,
				!service.status || service.status === 'active' ? 'published' : 'archived',
				now,
				now
			);
			for (const term of ofVocabulary('tsunagi-term')) {
				const code = term.code ?? term.name;
				if (!TERM_BY_CODE.has(code)) statements.term.run(randomUUID(), code, term.name, null, field, 'tsunagi-term');
				statements.serviceTerm.run(service.id, statements.termId.get(code));
			}
			for (const tag of ofVocabulary('tsunagi-tag')) statements.tag.run(service.id, tag.name);
			for (const target of ofVocabulary('tsunagi-target')) statements.target.run(service.id, target.name);
			for (const link of service.service_at_locations ?? []) {
				const location = link.location;
				const address = location.addresses?.[0];
				const locationId = location.id ?? randomUUID();
				statements.location.run(
					locationId,
					location.name ?? null,
					address?.postal_code ?? null,
					address?.state_province ?? '高知県',
					address?.city ?? '高知市',
					address?.address_1 ?? null,
					address?.address_2 ?? null,
					location.latitude ?? null,
					location.longitude ?? null,
					now,
					now
				);
				if (location['x-area']) statements.locationArea.run(locationId, areaId(location['x-area']));
				statements.serviceLocation.run(link.id ?? randomUUID(), service.id, locationId);
			}
			for (const schedule of service.schedules ?? []) insertSchedule(statements.schedule, service.id, schedule);
			(service.phones ?? []).forEach((phone, index) => statements.contact.run(randomUUID(), service.id, phone.number, index));
			if (service['x-desk']) statements.desk.run(randomUUID(), service.id, 'ほおっちょけん相談窓口', now.slice(0, 10));
		}
	})();
	return services.length;
}

function insertSchedule(statement: { run(...args: unknown[]): unknown }, serviceId: string, schedule: z.infer<typeof Schedule>): void {
	const opensAt = clock(schedule.opens_at);
	const closesAt = clock(schedule.closes_at);
	const freq = (schedule.freq ?? 'WEEKLY').toUpperCase();
	const days = (schedule.byday ?? '').split(',').map((day) => day.trim().toUpperCase()).filter(Boolean);
	const plainWeekly = freq === 'WEEKLY' && (schedule.interval ?? 1) === 1 && days.every((day) => RRULE_DAYS.includes(day));
	if (plainWeekly && opensAt && closesAt) {
		for (const day of days) statement.run(randomUUID(), serviceId, 'hours', RRULE_DAYS.indexOf(day), opensAt, closesAt, null, null);
		return;
	}
	const parts = [`FREQ=${freq}`];
	if ((schedule.interval ?? 1) > 1) parts.push(`INTERVAL=${schedule.interval}`);
	if (days.length > 0) parts.push(`BYDAY=${days.join(',')}`);
	if (schedule.bymonthday != null && schedule.bymonthday !== '') parts.push(`BYMONTHDAY=${schedule.bymonthday}`);
	statement.run(randomUUID(), serviceId, 'session', null, opensAt, closesAt, parts.join(';'), schedule.dtstart ?? null);
}
