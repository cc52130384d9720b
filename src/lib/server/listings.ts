/** Reads one listing whole (for the detail page and the API), or many with listingReader (imports, exports). */
import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { AppDatabase } from './db';
import { perConnection } from './db/per-connection';
import * as t from './db/schema';
import type { Listing, ListingContact } from '../domain/listing';
import { formatWeeklyHours, type WeeklySpan } from '../domain/hours';
import { describeSession } from '../domain/recurrence';
import type { Language } from '../domain/i18n/languages';
import type { Field, ServiceStatus, Target } from '../domain/taxonomy';

function parseJsonArray(value: string | null): string[] {
	if (!value) return [];
	try {
		const parsed: unknown = JSON.parse(value);
		return Array.isArray(parsed) ? parsed.map(String) : [];
	} catch {
		return [];
	}
}

export interface ListingReadOptions {
	publishedOnly?: boolean;
	language?: Language;
}

type ListingRead = (id: string, options?: ListingReadOptions) => Listing | null;

// One reader per connection: preparing its dozen statements cost ~1.6 ms, 5× the read itself, on
// every detail page and on every row of an /hsds/ page or export.
const readerOf = perConnection(listingReader);

/** One listing whole; its hours and sessions are worded in `language` (Japanese unless asked: exports read that wording back). */
export function getListing(db: AppDatabase, id: string, options: ListingReadOptions = {}): Listing | null {
	return readerOf(db)(id, options);
}

/**
 * getListing for callers that read many listings (a 3,000-row CSV import or export): the queries
 * are built and prepared once, not a dozen times a listing.
 */
export function listingReader(db: AppDatabase): ListingRead {
	const id = sql.placeholder('id');
	const serviceQuery = db.select().from(t.services).where(eq(t.services.id, id)).prepare();
	const organizationQuery = db.select().from(t.organizations).where(eq(t.organizations.id, id)).prepare();
	const termsQuery = db
		.select({ code: t.taxonomyTerms.code, name: t.taxonomyTerms.name })
		.from(t.serviceTerms)
		.innerJoin(t.taxonomyTerms, eq(t.taxonomyTerms.id, t.serviceTerms.termId))
		.where(eq(t.serviceTerms.serviceId, id))
		.prepare();
	const targetsQuery = db.select().from(t.serviceTargets).where(eq(t.serviceTargets.serviceId, id)).prepare();
	const tagsQuery = db.select().from(t.serviceTags).where(eq(t.serviceTags.serviceId, id)).prepare();
	const locationsQuery = db
		.select({ location: t.locations })
		.from(t.serviceLocations)
		.innerJoin(t.locations, eq(t.locations.id, t.serviceLocations.locationId))
		.where(eq(t.serviceLocations.serviceId, id))
		.prepare();
	const areasOf = (locationIds: string[]) =>
		db
			.select({ locationId: t.locationAreas.locationId, area: t.areas })
			.from(t.locationAreas)
			.innerJoin(t.areas, eq(t.areas.id, t.locationAreas.areaId))
			.where(locationIds.length === 1 ? eq(t.locationAreas.locationId, id) : inArray(t.locationAreas.locationId, locationIds))
			.orderBy(asc(t.areas.sortOrder));
	// Nearly every listing has one place (SQLite reads `IN (?)` as `= ?`, so the order is the same).
	const areasOfOneQuery = areasOf(['']).prepare();
	const schedulesQuery = db.select().from(t.schedules).where(eq(t.schedules.serviceId, id)).prepare();
	const contactsQuery = db.select().from(t.contacts).where(eq(t.contacts.serviceId, id)).orderBy(asc(t.contacts.sortOrder)).prepare();
	const deskQuery = db.select().from(t.deskCertifications).where(eq(t.deskCertifications.serviceId, id)).prepare();
	const deskAreasQuery = db
		.select({ name: t.areas.name })
		.from(t.areas)
		.where(sql`${t.areas.id} IN (SELECT value FROM json_each(${sql.placeholder('ids')}))`)
		.prepare();
	const eventsQuery = db.select().from(t.events).where(eq(t.events.serviceId, id)).orderBy(asc(t.events.startsAt)).prepare();

	return (serviceId, options = {}) => {
		const language = options.language ?? 'ja';
		const service = serviceQuery.get({ id: serviceId });
		if (!service || (options.publishedOnly !== false && service.status !== 'published')) return null;
		const organization = organizationQuery.get({ id: service.organizationId })!;
		const terms = termsQuery.all({ id: serviceId });
		const targets = targetsQuery.all({ id: serviceId });
		const tags = tagsQuery.all({ id: serviceId });
		const locationRows = locationsQuery.all({ id: serviceId });
		const locationIds = locationRows.map((row) => row.location.id);
		const areaRows =
			locationIds.length === 0 ? [] : locationIds.length === 1 ? areasOfOneQuery.all({ id: locationIds[0] }) : areasOf(locationIds).all();
		const schedules = schedulesQuery.all({ id: serviceId });
		const hours: WeeklySpan[] = schedules
			.filter((s) => s.kind === 'hours' && s.weekday !== null && s.opensAt && s.closesAt)
			.map((s) => ({ weekday: s.weekday!, opensAt: s.opensAt!, closesAt: s.closesAt! }));
		const contacts = contactsQuery.all({ id: serviceId });
		const desk = deskQuery.get({ id: serviceId });
		const deskAreaIds = desk ? parseJsonArray(desk.areaIds) : [];
		const deskAreas = deskAreaIds.length > 0 ? deskAreasQuery.all({ ids: JSON.stringify(deskAreaIds) }) : [];
		const events = eventsQuery.all({ id: serviceId });
		return {
			id: service.id,
			name: service.name,
			kana: service.nameKana,
			field: service.field as Field,
			status: service.status as ServiceStatus,
			description: service.description,
			fee: service.fee,
			eligibility: service.eligibility,
			howToApply: service.howToApply,
			url: service.url,
			email: service.email,
			lastVerifiedAt: service.lastVerifiedAt,
			isSample: service.isSample,
			organization: { id: organization.id, name: organization.name, kana: organization.nameKana, kind: organization.kind, url: organization.url },
			terms,
			targets: targets.map((row) => row.target as Target),
			tags: tags.map((row) => row.tag),
			locations: locationRows.map(({ location }) => ({
				id: location.id,
				name: location.name,
				postalCode: location.postalCode,
				prefecture: location.prefecture,
				city: location.city,
				addressLine: location.addressLine,
				building: location.building,
				lat: location.lat,
				lng: location.lng,
				access: location.access,
				accessibility: parseJsonArray(location.accessibility),
				areas: areaRows
					.filter((row) => row.locationId === location.id)
					.map(({ area }) => ({ id: area.id, kind: area.kind, slug: area.slug, name: area.name }))
			})),
			hours,
			hoursText: formatWeeklyHours(hours, language),
			sessions: schedules
				.filter((s) => s.kind === 'session' && s.rrule)
				.map((s) => ({
					id: s.id,
					rrule: s.rrule!,
					dtstart: s.dtstart,
					opensAt: s.opensAt,
					closesAt: s.closesAt,
					note: s.note,
					description: describeSession(s.rrule!, s.opensAt, s.closesAt, s.dtstart, language)
				})),
			contacts: contacts.map((c) => ({ kind: c.kind as ListingContact['kind'], value: c.value, role: c.role })),
			desk: desk ? { scheme: desk.scheme, certifiedOn: desk.certifiedOn, areaNames: deskAreas.map((a) => a.name) } : null,
			events: events
				.filter((e) => e.status === 'published')
				.map((e) => ({
					id: e.id,
					title: e.title,
					description: e.description,
					startsAt: e.startsAt,
					endsAt: e.endsAt,
					rrule: e.rrule,
					fee: e.fee,
					capacity: e.capacity,
					howToApply: e.howToApply
				}))
		};
	};
}
