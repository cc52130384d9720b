/**
 * schema.org JSON-LD for listing and event pages, so search engines and other directories read the
 * place, its address, coordinates and opening hours (or the event's date and place) without
 * scraping. Pure: the page renders it into <script type="application/ld+json">.
 */
import type { Listing, ListingLocation } from './listing';
import type { EventView } from './event';
import { localTime } from './event';
import type { WeeklySpan } from './hours';

type JsonLd = Record<string, unknown>;

const SCHEMA_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;

/** 'H:MM' → 'HH:MM'; schema.org has no 24:00, the end of the day is written 23:59. */
function schemaTime(clock: string): string {
	if (clock === '24:00') return '23:59';
	const [h, m] = clock.split(':');
	return `${h.padStart(2, '0')}:${m}`;
}

/** Weekly opening hours, one specification per span (an overnight span closes "before" it opens, as schema.org allows). */
export function openingHoursSpecification(spans: readonly WeeklySpan[]): JsonLd[] {
	return spans.map((span) => ({
		'@type': 'OpeningHoursSpecification',
		dayOfWeek: `https://schema.org/${SCHEMA_DAYS[span.weekday]}`,
		opens: schemaTime(span.opensAt),
		closes: schemaTime(span.closesAt)
	}));
}

function compact(object: JsonLd): JsonLd {
	for (const key of Object.keys(object)) {
		const value = object[key];
		if (value === null || value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete object[key];
	}
	return object;
}

function postalAddress(location: ListingLocation): JsonLd {
	return compact({
		'@type': 'PostalAddress',
		postalCode: location.postalCode,
		addressRegion: location.prefecture,
		addressLocality: location.city,
		streetAddress: [location.addressLine, location.building].filter(Boolean).join(' '),
		addressCountry: 'JP'
	});
}

function geo(lat: number | null, lng: number | null): JsonLd | null {
	return lat !== null && lng !== null ? { '@type': 'GeoCoordinates', latitude: lat, longitude: lng } : null;
}

/** A listing as a schema.org Place (its first location), with the organisation that runs it. */
export function listingJsonLd(listing: Listing, pageUrl: string): JsonLd {
	const location = listing.locations[0] ?? null;
	const contacts = (kind: 'phone' | 'fax' | 'email') => listing.contacts.filter((contact) => contact.kind === kind).map((contact) => contact.value);
	return compact({
		'@context': 'https://schema.org',
		'@type': 'Place',
		'@id': pageUrl,
		url: pageUrl,
		name: listing.name,
		alternateName: listing.kana,
		description: listing.description,
		address: location ? postalAddress(location) : null,
		geo: location ? geo(location.lat, location.lng) : null,
		openingHoursSpecification: openingHoursSpecification(listing.hours),
		telephone: contacts('phone')[0] ?? null,
		faxNumber: contacts('fax')[0] ?? null,
		email: listing.email ?? contacts('email')[0] ?? null,
		sameAs: listing.url && /^https?:\/\//i.test(listing.url) ? listing.url : null,
		keywords: [listing.field, ...listing.terms.map((term) => term.name), ...listing.tags].join(','),
		containedInPlace: location?.areas.map((area) => ({ '@type': 'AdministrativeArea', name: area.name })) ?? [],
		isAccessibleForFree: listing.fee === null ? null : /無料/.test(listing.fee),
		// Place has no "provider"; the organisation is named as the place's maintainer.
		maintainer: { '@type': 'Organization', name: listing.organization.name }
	});
}

/** "2026-12-08" + "10:00" → "2026-12-08T10:00:00+09:00" (events are Japan local). */
function japanInstant(date: string, time: string | null): string {
	return time ? `${date}T${time}:00+09:00` : date;
}

/** An event as a schema.org Event: the next date that takes place (or the last one, when it has ended). */
export function eventJsonLd(view: EventView, pageUrl: string): JsonLd {
	const { event } = view;
	const date = view.next?.date ?? view.lastDate ?? event.startsAt.slice(0, 10);
	const startTime = view.next?.startTime ?? localTime(event.startsAt);
	const endTime = view.next?.endTime ?? localTime(event.endsAt);
	const place = event.place;
	return compact({
		'@context': 'https://schema.org',
		'@type': 'Event',
		'@id': pageUrl,
		url: pageUrl,
		name: event.title,
		alternateName: event.kana,
		description: event.description,
		startDate: japanInstant(date, startTime),
		endDate: endTime ? japanInstant(date, endTime) : null,
		eventStatus: `https://schema.org/${event.status === 'cancelled' ? 'EventCancelled' : 'EventScheduled'}`,
		eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
		location: place
			? compact({
					'@type': 'Place',
					name: place.name ?? event.serviceName,
					address: { '@type': 'PostalAddress', streetAddress: place.address, addressCountry: 'JP' },
					geo: geo(place.lat, place.lng)
				})
			: null,
		organizer: event.organizationName ? { '@type': 'Organization', name: event.organizationName } : null,
		isAccessibleForFree: event.fee === null ? null : /無料/.test(event.fee),
		maximumAttendeeCapacity: event.capacity
	});
}

/**
 * The <script> element. JSON.stringify alone is not safe inside HTML: "</script>" or "<!--" in a
 * name would end the element early, so <, > and & are written as \u escapes (still the same JSON),
 * and so are the line separators U+2028/U+2029. A JSON data block is not executed, so the site's
 * Content-Security-Policy (script-src with a nonce) does not apply to it.
 */
export function jsonLdScript(data: JsonLd): string {
	const json = JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
	return `<script type="application/ld+json">${json}</script>`;
}
