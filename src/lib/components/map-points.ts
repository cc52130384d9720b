/** Listings → the markers of their map, as every list-with-a-map shows them. */
import { hitKindLabels } from '$lib/domain/i18n';
import { language, t } from './i18n';
import type { ListingSummary, MapPoint } from '$lib/domain/listing-view';

/**
 * A marker for each listing that has a place. Its kind is the term names as indexed (a renamed
 * term shows its new name) in the reader's language, else the field.
 */
export function listingMapPoints(listings: readonly ListingSummary[], hrefFor: (listing: ListingSummary) => string): MapPoint[] {
	const messages = t();
	return listings.flatMap((listing): MapPoint[] =>
		listing.lat !== null && listing.lng !== null
			? [
					{
						id: listing.id,
						name: listing.name,
						field: listing.field,
						lat: listing.lat,
						lng: listing.lng,
						kind: hitKindLabels(language(), listing).join(messages.common.listSeparator) || messages.fields[listing.field],
						phone: listing.phone,
						href: hrefFor(listing)
					}
				]
			: []
	);
}
