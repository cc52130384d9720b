/**
 * Listings as Open Referral HSDS 3.0 objects (fully nested services, organizations, taxonomy
 * terms), with the Japanese extensions described in hsds-model.ts, for the export file and the
 * /hsds/ API. Nothing a listing holds is left out, so that an export imported into an empty
 * database gives the same listings. Required HSDS strings that Tsunagi leaves empty are sent as ''.
 */
import type { AppDatabase } from '../db';
import { perConnection } from '../db/per-connection';
import { getListing } from '../listings';
import type { Listing, ListingLocation } from '../../domain/listing';
import { WEEKDAY_LABELS, formatWeeklyHours, type WeeklySpan } from '../../domain/hours';
import { TAXONOMY_TERMS } from '../../domain/taxonomy';
import { VOCABULARY } from './hsds-model';
import { stableUuid } from './stable-id';

export const HSDS_VERSION = '3.0';
export const HSDS_PROFILE = 'https://openreferral.org/imports/hsds/';
const RRULE_DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

type Json = Record<string, unknown>;


/** Drops null and undefined members (HSDS types are plain strings and numbers, never null). */
function compact<T extends Json>(object: T): T {
	for (const key of Object.keys(object)) if (object[key] === null || object[key] === undefined) delete object[key];
	return object;
}

interface ServiceExtras {
	updatedAt: string;
	organization: { description: string | null; email: string | null };
	desk: { scheme: string; certifiedOn: string; areaIds: string[] } | null;
	events: Json[];
	/** location id → service_at_location id */
	serviceLocationIds: Map<string, string>;
}

function prepareExtras(db: AppDatabase) {
	const sqlite = db.$client;
	const events = (status: string) => sqlite.prepare(`SELECT * FROM events WHERE service_id = ? ${status} ORDER BY starts_at, id`);
	return {
		service: sqlite.prepare('SELECT updated_at FROM services WHERE id = ?'),
		organization: sqlite.prepare('SELECT description, email FROM organizations WHERE id = ?'),
		desk: sqlite.prepare('SELECT scheme, certified_on, area_ids FROM desk_certifications WHERE service_id = ? LIMIT 1'),
		allEvents: events(''),
		publicEvents: events("AND status IN ('published', 'cancelled')"),
		links: sqlite.prepare('SELECT id, location_id FROM service_locations WHERE service_id = ?'),
		termId: sqlite.prepare('SELECT id FROM taxonomy_terms WHERE code = ?').pluck()
	};
}

// Prepared once per connection: an export or an /hsds/ page reads these for every service.
const extrasOf = perConnection(prepareExtras);

function serviceExtras(db: AppDatabase, listing: Listing, publicEventsOnly: boolean): ServiceExtras {
	const statements = extrasOf(db);
	const service = statements.service.get(listing.id) as { updated_at: string };
	const organization = statements.organization.get(listing.organization.id) as ServiceExtras['organization'];
	const desk = statements.desk.get(listing.id) as { scheme: string; certified_on: string; area_ids: string } | undefined;
	const eventsQuery = publicEventsOnly ? statements.publicEvents : statements.allEvents;
	const events = (eventsQuery.all(listing.id) as Json[]).map((row) =>
		compact({
			id: row.id,
			title: row.title,
			title_kana: row.title_kana,
			description: row.description,
			starts_at: row.starts_at,
			ends_at: row.ends_at,
			rrule: row.rrule,
			fee: row.fee,
			capacity: row.capacity,
			how_to_apply: row.how_to_apply,
			status: row.status,
			location_id: row.location_id
		})
	);
	const links = statements.links.all(listing.id) as Array<{ id: string; location_id: string }>;
	return {
		serviceLocationIds: new Map(links.map((link) => [link.location_id, link.id])),
		updatedAt: service.updated_at,
		organization,
		desk: desk ? { scheme: desk.scheme, certifiedOn: desk.certified_on, areaIds: JSON.parse(desk.area_ids) as string[] } : null,
		events
	};
}

function termObject(id: string, name: string, vocabulary: string, code?: string): Json {
	return compact({ id, code, name, description: '', taxonomy: vocabulary });
}

function attribute(serviceId: string, term: Json): Json {
	return {
		id: stableUuid(`attribute:${serviceId}:${term.id as string}`),
		link_id: serviceId,
		link_type: 'service',
		link_entity: 'service',
		taxonomy_term_id: term.id,
		taxonomy_term: term
	};
}

export function locationObject(location: ListingLocation, organizationId: string | null): Json {
	return compact({
		id: location.id,
		location_type: 'physical',
		organization_id: organizationId,
		name: location.name,
		transportation: location.access,
		latitude: location.lat,
		longitude: location.lng,
		addresses: [
			compact({
				id: stableUuid(`address:${location.id}`),
				location_id: location.id,
				address_1: location.addressLine ?? '',
				address_2: location.building,
				city: location.city,
				state_province: location.prefecture,
				postal_code: location.postalCode ?? '',
				country: 'JP',
				address_type: 'physical'
			})
		],
		accessibility: location.accessibility.map((description) => ({ id: stableUuid(`accessibility:${location.id}:${description}`), location_id: location.id, description })),
		'x-areas': location.areas.map((area) => ({ id: area.id, kind: area.kind, slug: area.slug, name: area.name }))
	});
}

/** Opening hours grouped by identical times: 月〜金 9:00〜17:00 is one schedule with byday MO,TU,WE,TH,FR. */
function hoursSchedules(serviceId: string, hours: WeeklySpan[]): Json[] {
	const groups = new Map<string, WeeklySpan[]>();
	for (const span of [...hours].sort((a, b) => a.weekday - b.weekday)) {
		const key = `${span.opensAt}-${span.closesAt}`;
		groups.set(key, [...(groups.get(key) ?? []), span]);
	}
	return [...groups.entries()].map(([key, spans]) => ({
		id: stableUuid(`hours:${serviceId}:${key}`),
		service_id: serviceId,
		freq: 'WEEKLY',
		interval: 1,
		byday: spans.map((span) => RRULE_DAYS[span.weekday]).join(','),
		opens_at: spans[0].opensAt,
		closes_at: spans[0].closesAt,
		description: formatWeeklyHours(spans).join('、') || spans.map((span) => WEEKDAY_LABELS[span.weekday]).join('・')
	}));
}

function rrulePart(rrule: string, name: string): string | undefined {
	return new RegExp(`(?:^|;)${name}=([^;]+)`).exec(rrule.replace(/^RRULE:/, ''))?.[1];
}

function sessionSchedule(serviceId: string, session: Listing['sessions'][number]): Json {
	const freq = rrulePart(session.rrule, 'FREQ');
	return compact({
		id: session.id,
		service_id: serviceId,
		freq: freq === 'WEEKLY' || freq === 'MONTHLY' ? freq : undefined,
		interval: rrulePart(session.rrule, 'INTERVAL') ? Number(rrulePart(session.rrule, 'INTERVAL')) : 1,
		byday: rrulePart(session.rrule, 'BYDAY'),
		bymonthday: rrulePart(session.rrule, 'BYMONTHDAY'),
		dtstart: session.dtstart,
		opens_at: session.opensAt,
		closes_at: session.closesAt,
		notes: session.note,
		description: session.description,
		'x-rrule': session.rrule
	});
}

export interface HsdsServiceOptions {
	/** Leave out nested objects (the API's `minimal`). */
	minimal?: boolean;
	/** Only events residents may see (公開中 and 中止) in `x-events`: the public API and open data. */
	publicEventsOnly?: boolean;
}

/** One listing as a fully nested HSDS service. */
export function hsdsService(db: AppDatabase, listing: Listing, options: HsdsServiceOptions = {}): Json {
	const extras = serviceExtras(db, listing, options.publicEventsOnly ?? false);
	const base = compact({
		id: listing.id,
		organization_id: listing.organization.id,
		name: listing.name,
		description: listing.description,
		url: listing.url,
		email: listing.email,
		status: listing.status === 'published' ? 'active' : 'inactive',
		fees_description: listing.fee,
		eligibility_description: listing.eligibility,
		application_process: listing.howToApply,
		assured_date: listing.lastVerifiedAt,
		last_modified: extras.updatedAt,
		'x-kana': listing.kana,
		'x-status': listing.status,
		'x-last-verified-at': listing.lastVerifiedAt,
		'x-is-sample': listing.isSample
	});
	if (options.minimal) return base;
	const fieldTerm = termObject(stableUuid(`${VOCABULARY.field}:${listing.field}`), listing.field, VOCABULARY.field);
	const termIds = termIdsByCode(db, listing.terms.map((term) => term.code));
	const terms = [
		fieldTerm,
		...listing.terms.map((term) => termObject(termIds.get(term.code) ?? stableUuid(`${VOCABULARY.term}:${term.code}`), term.name, VOCABULARY.term, term.code)),
		...listing.tags.map((tag) => termObject(stableUuid(`${VOCABULARY.tag}:${tag}`), tag, VOCABULARY.tag)),
		...listing.targets.map((target) => termObject(stableUuid(`${VOCABULARY.target}:${target}`), target, VOCABULARY.target))
	];
	return {
		...base,
		organization: compact({
			id: listing.organization.id,
			name: listing.organization.name,
			description: extras.organization.description ?? '',
			email: extras.organization.email,
			website: listing.organization.url,
			'x-kana': listing.organization.kana,
			'x-kind': listing.organization.kind
		}),
		phones: listing.contacts
			.filter((contact) => contact.kind === 'phone' || contact.kind === 'fax')
			.map((contact, index) =>
				compact({ id: stableUuid(`phone:${listing.id}:${index}:${contact.value}`), service_id: listing.id, number: contact.value, type: contact.kind === 'fax' ? 'fax' : 'voice', description: contact.role })
			),
		contacts: listing.contacts
			.filter((contact) => contact.kind === 'email')
			.map((contact, index) => compact({ id: stableUuid(`contact:${listing.id}:${index}:${contact.value}`), service_id: listing.id, email: contact.value, department: contact.role })),
		schedules: [...hoursSchedules(listing.id, listing.hours), ...listing.sessions.map((session) => sessionSchedule(listing.id, session))],
		service_at_locations: listing.locations.map((location) => ({
			id: extras.serviceLocationIds.get(location.id) ?? stableUuid(`service_at_location:${listing.id}:${location.id}`),
			service_id: listing.id,
			location_id: location.id,
			location: locationObject(location, null)
		})),
		attributes: terms.map((term) => attribute(listing.id, term)),
		'x-contacts': listing.contacts.map((contact) => compact({ kind: contact.kind, value: contact.value, role: contact.role })),
		...(extras.desk ? { 'x-desk': { scheme: extras.desk.scheme, certified_on: extras.desk.certifiedOn, area_ids: extras.desk.areaIds } } : {}),
		...(extras.events.length > 0 ? { 'x-events': extras.events } : {})
	};
}

function termIdsByCode(db: AppDatabase, codes: string[]): Map<string, string> {
	const termId = extrasOf(db).termId;
	return new Map(codes.flatMap((code) => {
		const id = termId.get(code) as string | undefined;
		return id ? [[code, id] as const] : [];
	}));
}

export function hsdsServiceById(db: AppDatabase, id: string, options: HsdsServiceOptions & { publishedOnly?: boolean } = {}): Json | null {
	const publishedOnly = options.publishedOnly ?? true;
	const listing = getListing(db, id, { publishedOnly });
	return listing ? hsdsService(db, listing, { publicEventsOnly: publishedOnly, ...options }) : null;
}

/** Tsunagi's taxonomy terms as HSDS taxonomy_term objects. */
export function hsdsTaxonomyTerms(db: AppDatabase): Json[] {
	const rows = db.$client.prepare('SELECT id, code, name, name_kana, field, parent_id, vocabulary FROM taxonomy_terms ORDER BY rowid').all() as Array<Record<string, string | null>>;
	const source = rows.length > 0 ? rows : TAXONOMY_TERMS.map((term) => ({ id: stableUuid(`${VOCABULARY.term}:${term.code}`), code: term.code, name: term.name, name_kana: term.kana, field: term.field, parent_id: null, vocabulary: VOCABULARY.term }));
	return source.map((row) =>
		compact({
			id: row.id,
			code: row.code,
			name: row.name,
			description: row.field ? `分野: ${row.field}` : '',
			parent_id: row.parent_id,
			taxonomy: row.vocabulary ?? VOCABULARY.term,
			taxonomy_id: stableUuid(`taxonomy:${row.vocabulary ?? VOCABULARY.term}`),
			language: 'ja',
			'x-kana': row.name_kana,
			'x-field': row.field
		})
	);
}

export function hsdsTaxonomies(): Json[] {
	const describe: Record<string, string> = {
		[VOCABULARY.field]: '分野（医療・介護・障害・子育て・地域資源）',
		[VOCABULARY.term]: 'サービスの種類',
		[VOCABULARY.tag]: '困りごとタグ',
		[VOCABULARY.target]: '対象'
	};
	return Object.values(VOCABULARY).map((name) => ({ id: stableUuid(`taxonomy:${name}`), name, description: describe[name], version: '1' }));
}

/** Organisations as HSDS organization objects (without their services). */
export function hsdsOrganization(row: Record<string, unknown>): Json {
	return compact({
		id: row.id,
		name: row.name,
		description: (row.description as string | null) ?? '',
		email: row.email,
		website: row.url,
		'x-kana': row.name_kana,
		'x-kind': row.kind
	});
}

export interface HsdsBundleOptions {
	/** Only published listings (open data); the default exports every listing (backup, moving). */
	publishedOnly?: boolean;
	onProgress?: (done: number, total: number) => void;
}

/** Everything, as one JSON document: areas, taxonomies, organisations and fully nested services. */
export function exportHsdsBundle(db: AppDatabase, options: HsdsBundleOptions = {}): Json {
	const sqlite = db.$client;
	const ids = sqlite
		.prepare(`SELECT id FROM services ${options.publishedOnly ? "WHERE status = 'published'" : ''} ORDER BY rowid`)
		.pluck()
		.all() as string[];
	const services: Json[] = [];
	ids.forEach((id, index) => {
		const service = hsdsServiceById(db, id, { publishedOnly: false, publicEventsOnly: options.publishedOnly ?? false });
		if (service) services.push(service);
		if ((index + 1) % 1000 === 0 || index + 1 === ids.length) options.onProgress?.(index + 1, ids.length);
	});
	const areas = (sqlite.prepare('SELECT * FROM areas ORDER BY sort_order, rowid').all() as Array<Record<string, unknown>>).map((row) =>
		compact({
			id: row.id,
			kind: row.kind,
			slug: row.slug,
			name: row.name,
			name_kana: row.name_kana,
			parent_id: row.parent_id,
			polygon: typeof row.polygon === 'string' ? (JSON.parse(row.polygon) as unknown) : null,
			center_lat: row.center_lat,
			center_lng: row.center_lng,
			sort_order: row.sort_order
		})
	);
	// Open data names only the organisations of what it publishes.
	const organizationFilter = options.publishedOnly ? "WHERE id IN (SELECT organization_id FROM services WHERE status = 'published')" : '';
	const organizations = (sqlite.prepare(`SELECT * FROM organizations ${organizationFilter} ORDER BY rowid`).all() as Array<Record<string, unknown>>).map(hsdsOrganization);
	return {
		version: HSDS_VERSION,
		profile: HSDS_PROFILE,
		'x-exported-at': new Date().toISOString(),
		'x-areas': areas,
		taxonomies: hsdsTaxonomies(),
		taxonomy_terms: hsdsTaxonomyTerms(db),
		organizations,
		services
	};
}
