import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { getListing } from '$lib/server/listings';
import { parseSearchParams } from '$lib/domain/search';
import { haversineMeters } from '$lib/domain/geo';
import { NEXT_DATES, nextDatesForListings } from '$lib/server/events/next-dates';
import { messagesFor } from '$lib/domain/i18n';
import { loadEvents } from '$lib/server/events/store';
import { eventView } from '$lib/server/events/view';

/** One listing whole. `?lat&lng` (carried over from a 「現在地の近く」 search) adds the walk to it. */
export const load: PageServerLoad = ({ params, url, locals }) => {
	const language = locals.language;
	const listing = getListing(getApp().db, params.id, { language });
	if (!listing) error(404, messagesFor(language).notFound.listing);

	let distanceM: number | null = null;
	const origin = parseSearchParams(new URLSearchParams({ lat: url.searchParams.get('lat') ?? '', lng: url.searchParams.get('lng') ?? '' }));
	const place = listing.locations.find((location) => location.lat !== null && location.lng !== null);
	if (origin.ok && origin.query.lat !== undefined && origin.query.lng !== undefined && place) {
		distanceM = haversineMeters({ lat: origin.query.lat, lng: origin.query.lng }, { lat: place.lat!, lng: place.lng! });
	}
	// Dates are worked out here so the browser does not need the RRULE library.
	const app = getApp();
	const now = app.now();
	const views = loadEvents(app.db, { serviceIds: [listing.id], publicOnly: true }).map((event) => eventView(event, now, 3, language));
	return {
		listing,
		distanceM,
		// Only when the reader asked for ふりがな (the spans are as long as the text).
		descriptionRuby: locals.display.ruby && listing.description ? app.embedded.descriptionRuby(listing.id, listing.description) : [],
		nextDates: nextDatesForListings(app.db, [listing.id], now, NEXT_DATES, language).get(listing.id) ?? [],
		upcomingEvents: views.filter((view) => !view.ended),
		// Past events stay findable, marked 終了, below the coming ones.
		pastEvents: views.filter((view) => view.ended)
	};
};
