/**
 * Fills an empty, migrated database with the fictional 高知市 sample. Deterministic: the same
 * options (seed included) give byte-identical rows, ids and timestamps included, because every
 * random draw comes from one seeded stream and every date is relative to REFERENCE_DATE.
 * Writes with prepared statements in large transactions: 100k listings take seconds.
 */
import type BetterSqlite3 from 'better-sqlite3';
import type { AppDatabase } from '../../src/lib/server/db';
import { buildRRule, expandOccurrences, type RecurrenceChoice } from '../../src/lib/domain/recurrence';
import { TAXONOMY_TERMS } from '../../src/lib/domain/taxonomy';
import {
	BRANDS,
	BUILDINGS,
	HIRAGANA_BRANDS,
	CITY_COUNCIL_NAME,
	CITY_NAME,
	MONTHLY_NTHS,
	NEIGHBOURHOOD_NAME,
	ORGANIZATION_NAMES,
	SERVICE_KINDS,
	SPECIALTIES,
	VENUES,
	type EventTemplate,
	type FixedSession,
	type NameContext,
	type Operator,
	type ServiceKind,
	type SessionStyle
} from './catalog';
import { coreListings, type ListingPlan } from './core';
import {
	CITY_BOX,
	DISTRICTS,
	JUNIOR_HIGH_SCHOOLS,
	KOCHI_CITY,
	describeStop,
	districtReading,
	type District,
	type School,
	type Town
} from './kochi';
import { Random, WeightedPicker } from './random';
import { sampleBoundaries, schoolSite } from './boundaries';
import { generateMemos } from './memos';
import { join, yomi, type Reading } from './reading';

export interface SampleOptions {
	/** Listings to create; never fewer than the hand-placed core (about 120). */
	listings: number;
	events: number;
	seed?: number;
}

export interface SampleCounts {
	services: number;
	events: number;
	desks: number;
	memos: number;
}

/** Licoネット's launch day (2020-01-31) as a number. */
export const DEFAULT_SEED = 20200131;
/** "Today" for the sample: verification dates, event dates and timestamps count from here. */
export const REFERENCE_DATE = '2026-11-01';
export const DESK_SCHEME = 'ほおっちょけん相談窓口';
/** Recurring sessions start with the 2026 fiscal year. */
const SESSION_DTSTART = '2026-04-01';
/** Listings (or events) per transaction, so that one commit (and the WAL) stays bounded. */
const ROWS_PER_TRANSACTION = 50_000;
/** Page cache while generating: ~2 KiB per listing holds the hot index pages, 64 MiB – 2 GiB. */
function bulkCacheKib(listings: number): number {
	return clamp(listings * 2, 65_536, 2_097_152);
}

const DAY_MS = 86_400_000;
const REFERENCE_MS = Date.parse(`${REFERENCE_DATE}T00:00:00Z`);
const LAUNCH_MS = Date.parse('2020-01-31T00:00:00Z');
/** Events fall between the reference date and the end of March 2027 (151 days). */
const EVENT_SEASON_DAYS = 151;
const KANJI_NUMERALS = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
/** Draws for a name not used yet; after that a repeat is accepted (huge sets must repeat). */
const NAME_ATTEMPTS = 24;
/** Names remembered for de-duplication; beyond this (benchmark sizes) repeats are allowed. */
const NAME_MEMORY = 200_000;
const HIRAGANA_BRAND_SET: ReadonlySet<Reading> = new Set(HIRAGANA_BRANDS);
/** 年末年始: no events from 29 December to 3 January. */
const NEW_YEAR_HOLIDAYS = new Set(['12-29', '12-30', '12-31', '01-01', '01-02', '01-03']);

// ---------------------------------------------------------------- small pure helpers

/** FNV-1a: a stable seed from a key, so vocabulary ids never depend on the sample's seed. */
function hashKey(key: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < key.length; i++) {
		hash ^= key.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return hash >>> 0;
}

function stableId(key: string): string {
	return new Random(hashKey(key)).uuid();
}

function isoDate(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10);
}

function clock(minutes: number): string {
	return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

function clamp(value: number, min: number, max: number): number {
	return Math.min(max, Math.max(min, value));
}

function fillDistrict(template: string, district: District): string {
	return template.replaceAll('{district}', district.name);
}

/** The date of the nth weekday (Sunday = 0) of a month, as 'YYYY-MM-DD'. */
function nthWeekdayOfMonth(year: number, monthIndex: number, nth: number, weekday: number): string {
	const firstWeekday = new Date(Date.UTC(year, monthIndex, 1)).getUTCDay();
	const day = 1 + ((weekday - firstWeekday + 7) % 7) + (nth - 1) * 7;
	return isoDate(Date.UTC(year, monthIndex, day));
}

// ---------------------------------------------------------------- statements

const INSERTS = {
	term: 'INSERT OR IGNORE INTO taxonomy_terms (id, code, name, name_kana, field, parent_id, vocabulary) VALUES (?, ?, ?, ?, ?, NULL, ?)',
	area: 'INSERT INTO areas (id, kind, slug, name, name_kana, parent_id, polygon, center_lat, center_lng, sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
	organization:
		'INSERT INTO organizations (id, name, name_kana, kind, description, url, email, created_at, updated_at) VALUES (?, ?, ?, ?, NULL, ?, ?, ?, ?)',
	location:
		'INSERT INTO locations (id, organization_id, name, postal_code, prefecture, city, address_line, building, lat, lng, access, accessibility, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
	locationArea: 'INSERT INTO location_areas (location_id, area_id) VALUES (?, ?)',
	service:
		"INSERT INTO services (id, organization_id, name, name_kana, field, description, fee, eligibility, how_to_apply, url, email, status, last_verified_at, is_sample, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, 1, ?, ?)",
	serviceTerm: 'INSERT INTO service_terms (service_id, term_id) VALUES (?, ?)',
	serviceTarget: 'INSERT INTO service_targets (service_id, target) VALUES (?, ?)',
	serviceTag: 'INSERT INTO service_tags (service_id, tag) VALUES (?, ?)',
	serviceLocation: 'INSERT INTO service_locations (id, service_id, location_id) VALUES (?, ?, ?)',
	schedule:
		'INSERT INTO schedules (id, service_id, location_id, kind, weekday, opens_at, closes_at, rrule, dtstart, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
	contact: 'INSERT INTO contacts (id, service_id, organization_id, kind, value, role, sort_order) VALUES (?, ?, NULL, ?, ?, ?, ?)',
	desk: 'INSERT INTO desk_certifications (id, service_id, scheme, certified_on, area_ids) VALUES (?, ?, ?, ?, ?)',
	event:
		"INSERT INTO events (id, service_id, location_id, title, title_kana, description, starts_at, ends_at, rrule, fee, capacity, how_to_apply, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'published', ?, ?)"
} as const;

type Statements = { [K in keyof typeof INSERTS]: BetterSqlite3.Statement };

function prepareStatements(sqlite: BetterSqlite3.Database): Statements {
	const entries = Object.entries(INSERTS).map(([key, sql]) => [key, sqlite.prepare(sql)]);
	return Object.fromEntries(entries) as Statements;
}

// ---------------------------------------------------------------- the builder

interface OrganizationRef {
	id: string;
	brand: Reading;
}

interface LocationRef {
	id: string;
	name: string;
}

/** One organisation's address that several of its services share (特養 + デイ + ショート). */
interface Site {
	organization: OrganizationRef;
	location: LocationRef;
	/** Kinds already offered there: a site never has two day services. */
	kinds: Set<string>;
}

interface NamedListing {
	context: NameContext;
	name: Reading;
}

/** A listing that may hold events (the kind has event templates). */
interface EventHost {
	serviceId: string;
	locationId: string;
	venue: string;
	kind: ServiceKind;
}

interface AreaIds {
	city: string;
	district: Map<string, string>;
	school: Map<string, string>;
	juniorHigh: Map<string, string>;
}

class SampleBuilder {
	private readonly insert: Statements;
	private readonly termIds = new Map<string, string>();
	private readonly areaIds: AreaIds = { city: '', district: new Map(), school: new Map(), juniorHigh: new Map() };
	/** 高知市, 高知市社協 and each district's 町内会連合会: one organisation each. */
	private readonly sharedOrganizations = new Map<string, OrganizationRef>();
	/** The last 社会福祉法人 / 医療法人 … site per district, for services that share it. */
	private readonly sites = new Map<string, Site>();
	private readonly eventHosts: EventHost[] = [];
	private readonly usedNames = new Set<string>();
	private readonly kindPicker = new WeightedPicker(
		SERVICE_KINDS.filter((kind) => kind.weight > 0),
		(kind) => kind.weight
	);
	private readonly districtPicker = new WeightedPicker(DISTRICTS, (district) => district.weight);
	private webSerial = 0;
	private deskCount = 0;

	constructor(
		private readonly sqlite: BetterSqlite3.Database,
		private readonly random: Random
	) {
		this.insert = prepareStatements(sqlite);
	}

	// ------------------------------------------------------------ vocabulary and areas

	writeTaxonomy(): void {
		// The database may already hold the built-in terms (the app seeds them): keep those rows.
		const existing = this.sqlite.prepare('SELECT id FROM taxonomy_terms WHERE code = ?').pluck();
		for (const term of TAXONOMY_TERMS) {
			const id = (existing.get(term.code) as string | undefined) ?? stableId(`taxonomy:${term.code}`);
			this.termIds.set(term.code, id);
			this.insert.term.run(id, term.code, term.name, term.kana, term.field, 'tsunagi-term');
		}
	}

	writeAreas(): void {
		let order = 0;
		const boundaries = sampleBoundaries();
		const area = (kind: string, slug: string, name: string, kana: string, parentId: string | null, lat: number, lng: number) => {
			const id = stableId(`area:${kind}:${slug}`);
			const polygon = boundaries.get(`${kind}:${slug}`);
			this.insert.area.run(id, kind, slug, name, kana, parentId, polygon ? JSON.stringify(polygon) : null, lat, lng, order++);
			return id;
		};
		this.areaIds.city = area('市域', KOCHI_CITY.slug, KOCHI_CITY.name, KOCHI_CITY.kana, null, KOCHI_CITY.lat, KOCHI_CITY.lng);
		for (const district of DISTRICTS) {
			this.areaIds.district.set(district.slug, area('地区', district.slug, district.name, district.kana, this.areaIds.city, district.lat, district.lng));
		}
		for (const district of DISTRICTS) {
			district.schools.forEach((school, i) => {
				const { lat, lng } = schoolSite(district, i);
				const parentId = this.areaIds.district.get(district.slug)!;
				const id = area('小学校区', `es-${school.slug}`, `${school.name}小学校区`, `${school.kana}しょうがっこうく`, parentId, lat, lng);
				this.areaIds.school.set(school.slug, id);
			});
		}
		for (const school of JUNIOR_HIGH_SCHOOLS) {
			const members = DISTRICTS.filter((district) => district.juniorHigh === school.slug);
			if (members.length === 0) throw new Error(`中学校区 ${school.name} has no district`);
			const lat = members.reduce((sum, d) => sum + d.lat, 0) / members.length;
			const lng = members.reduce((sum, d) => sum + d.lng, 0) / members.length;
			const id = area('中学校区', `jhs-${school.slug}`, `${school.name}中学校区`, `${school.kana}ちゅうがっこうく`, this.areaIds.city, round6(lat), round6(lng));
			this.areaIds.juniorHigh.set(school.slug, id);
		}
	}

	// ------------------------------------------------------------ listings

	randomPlan(): ListingPlan {
		return { kind: this.kindPicker.pick(this.random), district: this.districtPicker.pick(this.random) };
	}

	writeListing(plan: ListingPlan): void {
		const { kind, district } = plan;
		const random = this.random;
		const verifiedMs = this.lastVerifiedMs();
		const createdMs = verifiedMs - random.int(0, Math.floor((verifiedMs - LAUNCH_MS) / DAY_MS)) * DAY_MS;
		const web = random.chance(kind.webRate) ? this.webAddress(kind.key) : null;
		const { name, organization, location } = this.placeListing(plan, web, createdMs);

		const serviceId = random.uuid();
		const email = web && random.chance(0.6) ? `info@${web}` : null;
		const url = web ? `https://${web}/` : null;
		this.insert.service.run(
			serviceId,
			organization.id,
			name.text,
			name.kana,
			kind.field,
			this.description(kind, district),
			random.pick(kind.fees),
			fillDistrict(random.pick(kind.eligibility), district),
			random.pick(kind.howToApply),
			url,
			email,
			new Date(verifiedMs).toISOString(),
			new Date(createdMs).toISOString(),
			new Date(verifiedMs).toISOString()
		);
		this.insert.serviceLocation.run(random.uuid(), serviceId, location.id);
		this.writeClassification(serviceId, kind, plan.desk === true);
		this.writeSchedules(serviceId, location.id, kind, plan.session);
		this.writeContacts(serviceId, kind, url, email);
		if (plan.desk) this.writeDesk(serviceId, district);
		if (kind.events.length > 0) this.eventHosts.push({ serviceId, locationId: location.id, venue: location.name, kind });
	}

	/** Names the listing and finds who runs it and where: a new organisation and address, or a shared site. */
	private placeListing(plan: ListingPlan, web: string | null, createdMs: number): { name: Reading; organization: OrganizationRef; location: LocationRef } {
		const { kind, district } = plan;
		const operator = plan.operator ?? this.random.pick(kind.operators);
		const school = this.random.pick(district.schools);
		// Services of a 社会福祉法人 often share the site (and brand) of one already in the district.
		const sharable = kind.sharesSite && operator.naming === 'brand' && !plan.brand;
		const siteKey = `${district.slug}:${operator.kind}`;
		const candidate = sharable && this.random.chance(0.35) ? this.sites.get(siteKey) : undefined;
		// The site's brand must still give a new name (「デイサービスこもれび」 twice would confuse).
		const nameAtSite = candidate && !candidate.kinds.has(kind.key) ? this.freshName(plan, school, candidate.organization.brand, 1) : null;
		if (candidate && nameAtSite) {
			candidate.kinds.add(kind.key);
			return { name: nameAtSite.name, organization: candidate.organization, location: candidate.location };
		}
		const { context, name } = this.freshName(plan, school, plan.brand, NAME_ATTEMPTS) ?? this.drawName(plan, school, plan.brand);
		const organization = this.organizationFor(operator, context, name, district, web, createdMs);
		const location = this.writeLocation(kind, district, school, organization, name, createdMs);
		if (sharable) this.sites.set(siteKey, { organization, location, kinds: new Set([kind.key]) });
		return { name, organization, location };
	}

	/** A name not in the sample yet, or null when `attempts` draws only found used ones. */
	private freshName(plan: ListingPlan, school: School, brand: Reading | undefined, attempts: number): NamedListing | null {
		for (let attempt = 0; attempt < attempts; attempt++) {
			const named = this.drawName(plan, school, brand);
			if (!this.usedNames.has(named.name.text)) {
				if (this.usedNames.size < NAME_MEMORY) this.usedNames.add(named.name.text);
				return named;
			}
		}
		return null;
	}

	private drawName(plan: ListingPlan, school: School, brand: Reading | undefined): NamedListing {
		const chosenBrand = brand ?? this.random.pick(BRANDS);
		const context: NameContext = {
			district: districtReading(plan.district),
			brand: chosenBrand,
			hiraganaBrand: HIRAGANA_BRAND_SET.has(chosenBrand) ? chosenBrand : this.random.pick(HIRAGANA_BRANDS),
			school: yomi(school.name, school.kana),
			specialty: this.random.pick(SPECIALTIES)
		};
		return { context, name: join((plan.name ?? this.random.pick(plan.kind.names))(context)) };
	}

	/** 75% verified within the last year, the rest up to two years ago (stale in the admin). */
	private lastVerifiedMs(): number {
		const daysAgo = this.random.chance(0.75) ? this.random.int(0, 364) : this.random.int(365, 730);
		// Office hours in Japan: 09:00–18:00 JST is 00:00–09:00 UTC.
		return REFERENCE_MS - daysAgo * DAY_MS + this.random.int(0, 9 * 60 - 1) * 60_000;
	}

	private webAddress(kindKey: string): string {
		return `${kindKey}-${(++this.webSerial).toString(36)}.example.jp`;
	}

	private description(kind: ServiceKind, district: District): string {
		const sentences = [this.random.pick(kind.leads), ...this.random.sample(kind.details, this.random.int(0, 2))];
		return fillDistrict(sentences.join(''), district);
	}

	private organizationFor(operator: Operator, context: NameContext, serviceName: Reading, district: District, web: string | null, createdMs: number): OrganizationRef {
		switch (operator.naming) {
			case 'city':
				return this.sharedOrganization('city', CITY_NAME, operator, 'city-kochi.example.jp', context.brand);
			case 'council':
				return this.sharedOrganization('council', CITY_COUNCIL_NAME, operator, 'kochi-shakyo.example.jp', context.brand);
			case 'neighbourhood':
				return this.sharedOrganization(`neighbourhood:${district.slug}`, join(NEIGHBOURHOOD_NAME(context.district)), operator, null, context.brand);
			case 'self':
				return this.writeOrganization(join(operator.prefix ? [operator.prefix, serviceName] : [serviceName]), operator, web, createdMs, context.brand);
			case 'brand': {
				const patterns = ORGANIZATION_NAMES[operator.kind as keyof typeof ORGANIZATION_NAMES];
				if (!patterns) throw new Error(`no organisation names for ${operator.kind}`);
				const orgWeb = this.random.chance(0.5) ? this.webAddress('org') : null;
				return this.writeOrganization(join(this.random.pick(patterns)(context)), operator, orgWeb, createdMs, context.brand);
			}
		}
	}

	private sharedOrganization(key: string, name: Reading, operator: Operator, domain: string | null, brand: Reading): OrganizationRef {
		const existing = this.sharedOrganizations.get(key);
		if (existing) return existing;
		const created = this.writeOrganization(name, operator, domain, LAUNCH_MS, brand);
		this.sharedOrganizations.set(key, created);
		return created;
	}

	private writeOrganization(name: Reading, operator: Operator, domain: string | null, createdMs: number, brand: Reading): OrganizationRef {
		const id = this.random.uuid();
		const url = domain ? `https://${domain}/` : null;
		const email = domain && this.random.chance(0.5) ? `office@${domain}` : null;
		const at = new Date(createdMs).toISOString();
		this.insert.organization.run(id, name.text, name.kana, operator.kind, url, email, at, at);
		return { id, brand };
	}

	private writeLocation(kind: ServiceKind, district: District, school: School, organization: OrganizationRef, serviceName: Reading, createdMs: number): LocationRef {
		const random = this.random;
		const town = random.pick(district.towns);
		const id = random.uuid();
		const name = kind.venue === 'community' ? random.pick(VENUES)(town.name, district.name) : serviceName.text;
		const postalCode = `${district.postalPrefix}${random.int(0, 9)}`;
		const building = random.chance(kind.buildingRate) ? random.pick(BUILDINGS)(organization.brand.text, district.name, random.int(2, 5)) : null;
		const { lat, lng } = this.scatter(district);
		const parking = random.chance(district.rural ? 0.85 : kind.venue === 'community' ? 0.3 : 0.5);
		const walk = random.int(1, district.rural ? 15 : 8);
		const access = `${describeStop(random.pick(district.stops))}から徒歩${walk}分${parking ? `。駐車場あり（${random.int(2, 20)}台）` : ''}`;
		const accessibility = [...random.sample(kind.accessibility, random.int(0, 3)), ...(parking ? ['駐車場あり'] : [])];
		const at = new Date(createdMs).toISOString();
		this.insert.location.run(
			id,
			organization.id,
			name,
			postalCode,
			'高知県',
			'高知市',
			this.addressLine(town, district.rural),
			building,
			lat,
			lng,
			access,
			JSON.stringify(accessibility),
			at,
			at
		);
		this.insert.locationArea.run(id, this.areaIds.district.get(district.slug)!);
		this.insert.locationArea.run(id, this.areaIds.school.get(school.slug)!);
		this.insert.locationArea.run(id, this.areaIds.juniorHigh.get(district.juniorHigh)!);
		return { id, name };
	}

	/** 「旭町二丁目12-3」, 「本宮町105-7」, 「春野町西分1234」 (rural 番地 run into the thousands). */
	private addressLine(town: Town, rural: boolean): string {
		const random = this.random;
		if (town.chome > 0) return `${town.name}${KANJI_NUMERALS[random.int(1, town.chome)]}丁目${random.int(1, 30)}-${random.int(1, 25)}`;
		const lot = rural ? random.int(1, 3000) : random.int(1, 200);
		return random.chance(0.5) ? `${town.name}${lot}` : `${town.name}${lot}-${random.int(1, 20)}`;
	}

	/** A point uniformly inside the district's circle, kept inside the city box. */
	private scatter(district: District): { lat: number; lng: number } {
		const distanceKm = district.radiusKm * Math.sqrt(this.random.next());
		const angle = 2 * Math.PI * this.random.next();
		const lat = district.lat + (distanceKm * Math.cos(angle)) / 110.95;
		const lng = district.lng + (distanceKm * Math.sin(angle)) / (111.32 * Math.cos((district.lat * Math.PI) / 180));
		const margin = 0.001;
		return {
			lat: round6(clamp(lat, CITY_BOX.south + margin, CITY_BOX.north - margin)),
			lng: round6(clamp(lng, CITY_BOX.west + margin, CITY_BOX.east - margin))
		};
	}

	private writeClassification(serviceId: string, kind: ServiceKind, desk: boolean): void {
		const random = this.random;
		const [mainTerm, optionalTerm] = kind.terms;
		// A desk's second term is なんでも相談窓口, in place of the kind's optional one.
		const secondTerm = desk ? 'consultation-desk' : optionalTerm && random.chance(0.5) ? optionalTerm : null;
		for (const code of secondTerm ? [mainTerm, secondTerm] : [mainTerm]) {
			this.insert.serviceTerm.run(serviceId, this.termId(code));
		}
		const targets = new Set([...kind.targets, ...kind.extraTargets.filter(() => random.chance(0.3))]);
		for (const target of targets) this.insert.serviceTarget.run(serviceId, target);
		const tags = new Set<string>([...kind.tags, ...random.sample(kind.extraTags, random.int(0, 2)), ...(desk ? ['なんでも相談'] : [])]);
		for (const tag of tags) this.insert.serviceTag.run(serviceId, tag);
	}

	private termId(code: string): string {
		const id = this.termIds.get(code);
		if (!id) throw new Error(`unknown taxonomy term ${code}`);
		return id;
	}

	private writeSchedules(serviceId: string, locationId: string, kind: ServiceKind, fixedSession: FixedSession | undefined): void {
		if (kind.hours.length > 0) {
			for (const day of this.random.pick(kind.hours)) {
				for (const weekday of day.days) {
					for (const [opensAt, closesAt] of day.spans) {
						this.insert.schedule.run(this.random.uuid(), serviceId, locationId, 'hours', weekday, opensAt, closesAt, null, null, null);
					}
				}
			}
		}
		const session = fixedSession ?? (kind.sessions ? this.randomSession(kind.sessions) : null);
		if (session) {
			const note = kind.sessions ? this.random.pick(kind.sessions.notes) : '';
			const rrule = buildRRule(session.choice);
			this.insert.schedule.run(this.random.uuid(), serviceId, locationId, 'session', null, session.opensAt, session.closesAt, rrule, SESSION_DTSTART, note || null);
		}
	}

	private randomSession(style: SessionStyle): FixedSession {
		const random = this.random;
		const shape = random.pick(style.shapes);
		const [opensAt, closesAt] = random.pick(style.times);
		const weekday = random.pick(style.weekdays);
		let choice: RecurrenceChoice;
		switch (shape) {
			case 'weekly':
				choice = { pattern: 'weekly', weekdays: [weekday] };
				break;
			case 'weekly-twice':
				choice = { pattern: 'weekly', weekdays: random.sample(style.weekdays, 2) };
				break;
			case 'biweekly':
				choice = { pattern: 'biweekly', weekdays: [weekday] };
				break;
			default:
				choice = { pattern: 'monthly-nth', weekdays: [weekday], nths: [...MONTHLY_NTHS[shape]] };
		}
		return { choice, opensAt, closesAt };
	}

	/** 高知市 numbers: 088-8xx-xxxx. */
	private phoneNumber(): string {
		return `088-8${String(this.random.int(0, 99)).padStart(2, '0')}-${String(this.random.int(0, 9999)).padStart(4, '0')}`;
	}

	private writeContacts(serviceId: string, kind: ServiceKind, url: string | null, email: string | null): void {
		const role = this.random.pick(kind.contactRoles);
		const contacts: Array<[kind: string, value: string, role: string | null]> = [['phone', this.phoneNumber(), role]];
		if (this.random.chance(kind.faxRate)) contacts.push(['fax', this.phoneNumber(), role]);
		if (email) contacts.push(['email', email, role]);
		if (url) contacts.push(['url', url, null]);
		contacts.forEach(([contactKind, value, contactRole], order) => {
			this.insert.contact.run(this.random.uuid(), serviceId, contactKind, value, contactRole, order);
		});
	}

	private writeDesk(serviceId: string, district: District): void {
		// Certified between April 2019 and December 2024.
		const from = Date.UTC(2019, 3, 1);
		const to = Date.UTC(2024, 11, 31);
		const certifiedOn = isoDate(from + this.random.int(0, Math.floor((to - from) / DAY_MS)) * DAY_MS);
		const areaIds = JSON.stringify([this.areaIds.district.get(district.slug)!]);
		this.insert.desk.run(this.random.uuid(), serviceId, DESK_SCHEME, certifiedOn, areaIds);
		this.deskCount++;
	}

	// ------------------------------------------------------------ events

	get desks(): number {
		return this.deskCount;
	}

	get hasEventHosts(): boolean {
		return this.eventHosts.length > 0;
	}

	writeEvent(): void {
		const random = this.random;
		const host = random.pick(this.eventHosts);
		const template = random.pick(host.kind.events);
		const { date, rrule } = this.eventDate(template);
		const startMinutes = random.pick([600, 630, 780, 810, 840]);
		const capacity = template.capacity ? random.int(template.capacity[0], template.capacity[1]) : null;
		const createdAt = new Date(REFERENCE_MS - random.int(1, 60) * DAY_MS + random.int(0, 9 * 60 - 1) * 60_000).toISOString();
		this.insert.event.run(
			random.uuid(),
			host.serviceId,
			host.locationId,
			template.title.text,
			template.title.kana,
			`${template.description}会場は${host.venue}です。`,
			`${date}T${clock(startMinutes)}:00+09:00`,
			`${date}T${clock(startMinutes + template.minutes)}:00+09:00`,
			rrule,
			random.pick(template.fees),
			capacity,
			template.howToApply,
			createdAt,
			createdAt
		);
	}

	/** A day in Nov 2026 – Mar 2027 outside 年末年始; recurring events start on their first nth weekday. */
	private eventDate(template: EventTemplate): { date: string; rrule: string | null } {
		const random = this.random;
		for (;;) {
			let date: string;
			let rrule: string | null = null;
			if (template.recurring) {
				const weekday = random.int(1, 5);
				const nth = random.int(1, 4);
				date = nthWeekdayOfMonth(2026, 10 + random.int(0, 4), nth, weekday);
				rrule = buildRRule({ pattern: 'monthly-nth', weekdays: [weekday], nths: [nth] });
			} else {
				date = isoDate(REFERENCE_MS + random.int(0, EVENT_SEASON_DAYS - 1) * DAY_MS);
			}
			if (!NEW_YEAR_HOLIDAYS.has(date.slice(5))) return { date, rrule };
		}
	}
}

function round6(value: number): number {
	return Math.round(value * 1e6) / 1e6;
}

function assertEmpty(sqlite: BetterSqlite3.Database): void {
	for (const table of ['services', 'organizations', 'areas']) {
		const count = sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
		if (count > 0) throw new Error(`generateSample needs an empty database, but ${table} has ${count} rows`);
	}
}

function assertCount(name: string, value: number): void {
	if (!Number.isInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number ≥ 0, got ${value}`);
}

/** Tables the generator fills. */
const SAMPLE_TABLES = [
	'taxonomy_terms', 'areas', 'organizations', 'locations', 'location_areas', 'services', 'service_terms', 'service_targets',
	'service_tags', 'service_locations', 'schedules', 'contacts', 'desk_certifications', 'events'
];

/**
 * Random UUID keys scatter inserts over every index page. For the bulk load: a big page cache,
 * plain (non-unique) indexes dropped and rebuilt from their own CREATE INDEX text afterwards
 * (building an index once is far cheaper than millions of random inserts), and no foreign-key
 * look-ups — the rows are consistent by construction and the tests run PRAGMA foreign_key_check.
 * Returns what puts everything back.
 */
function tuneForBulkInsert(sqlite: BetterSqlite3.Database, listings: number): () => void {
	const cacheSize = sqlite.pragma('cache_size', { simple: true }) as number;
	const foreignKeys = sqlite.pragma('foreign_keys', { simple: true }) as number;
	const placeholders = SAMPLE_TABLES.map(() => '?').join(', ');
	const plainIndexes = sqlite
		.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql NOT LIKE 'CREATE UNIQUE%' AND tbl_name IN (${placeholders})`)
		.all(...SAMPLE_TABLES) as Array<{ name: string; sql: string }>;
	sqlite.pragma(`cache_size = -${bulkCacheKib(listings)}`);
	sqlite.pragma('foreign_keys = OFF');
	for (const index of plainIndexes) sqlite.exec(`DROP INDEX "${index.name}"`);
	return () => {
		sqlite.transaction(() => {
			for (const index of plainIndexes) sqlite.exec(index.sql);
		})();
		sqlite.pragma(`cache_size = ${cacheSize}`);
		sqlite.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
	};
}

/** Runs `write(i)` for i in [0, count) in transactions of ROWS_PER_TRANSACTION rows. */
function inBatches(sqlite: BetterSqlite3.Database, count: number, write: (i: number) => void): void {
	for (let start = 0; start < count; start += ROWS_PER_TRANSACTION) {
		const end = Math.min(count, start + ROWS_PER_TRANSACTION);
		sqlite.transaction(() => {
			for (let i = start; i < end; i++) write(i);
		})();
	}
}

/** Every fifth recurring event is 中止 on its second date (no randomness: listings stay as they were). */
const CANCELLED_EVERY = 5;

/**
 * Events take their keeper, field and targets from their listing; some recurring ones get a
 * cancelled date so the calendar shows 中止 as it will in real use.
 */
function completeEvents(sqlite: BetterSqlite3.Database): void {
	sqlite
		.prepare(
			`UPDATE events SET
				organization_id = (SELECT organization_id FROM services WHERE services.id = events.service_id),
				field = (SELECT field FROM services WHERE services.id = events.service_id),
				targets = coalesce((SELECT json_group_array(target) FROM service_targets WHERE service_targets.service_id = events.service_id), '[]')
			WHERE service_id IS NOT NULL`
		)
		.run();
	const recurring = sqlite.prepare('SELECT id, starts_at AS startsAt, rrule FROM events WHERE rrule IS NOT NULL ORDER BY id').all() as Array<{
		id: string;
		startsAt: string;
		rrule: string;
	}>;
	const cancel = sqlite.prepare("INSERT INTO event_exceptions (event_id, date, kind, note) VALUES (?, ?, 'cancel', ?)");
	recurring.forEach((event, index) => {
		if (index % CANCELLED_EVERY !== 0) return;
		const first = event.startsAt.slice(0, 10);
		const second = expandOccurrences({ rrule: event.rrule, dtstart: first, startTime: null, endTime: null }, first, isoDate(Date.parse(`${first}T00:00:00Z`) + 92 * DAY_MS))[1];
		if (second) cancel.run(event.id, second.date, '会場の都合により中止します');
	});
}

/**
 * Generates the sample into an empty, migrated database and returns what it wrote. At least the
 * hand-placed core is written even when `listings` asks for fewer.
 */
export function generateSample(db: AppDatabase, options: SampleOptions): SampleCounts {
	assertCount('listings', options.listings);
	assertCount('events', options.events);
	const sqlite = db.$client;
	assertEmpty(sqlite);
	const builder = new SampleBuilder(sqlite, new Random(options.seed ?? DEFAULT_SEED));
	const core = coreListings();
	const listings = Math.max(options.listings, core.length);
	let events = 0;
	let memos = 0;

	const restore = tuneForBulkInsert(sqlite, listings);
	try {
		sqlite.transaction(() => {
			builder.writeTaxonomy();
			builder.writeAreas();
		})();
		inBatches(sqlite, listings, (i) => builder.writeListing(i < core.length ? core[i] : builder.randomPlan()));
		events = builder.hasEventHosts ? options.events : 0;
		inBatches(sqlite, events, () => builder.writeEvent());
		sqlite.transaction(() => completeEvents(sqlite))();
	} finally {
		restore();
	}
	// After the indexes are back: each memo looks up listings by area, a full scan per memo without them (hours at 1M).
	memos = generateMemos(sqlite, REFERENCE_DATE);
	return { services: listings, events, desks: builder.desks, memos };
}
