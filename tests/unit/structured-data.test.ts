import { describe, expect, it } from 'vitest';
import { jsonLdScript, listingJsonLd, openingHoursSpecification } from '../../src/lib/domain/structured-data';
import type { Listing } from '../../src/lib/domain/listing';

const listing: Listing = {
	id: 'x1',
	name: '旭町</script><script>alert(1)</script>薬局 & <!-- 相談',
	kana: 'あさひまちやっきょく',
	field: '医療',
	status: 'published',
	description: '行1\u2028行2',
	fee: null,
	eligibility: null,
	howToApply: null,
	url: 'javascript:alert(1)',
	email: null,
	lastVerifiedAt: null,
	isSample: true,
	organization: { id: 'o', name: '旭町薬局', kana: null, kind: '薬局', url: null },
	terms: [{ code: 'pharmacy', name: '薬局' }],
	targets: [],
	tags: [],
	locations: [
		{
			id: 'l',
			name: null,
			postalCode: '780-0082',
			prefecture: '高知県',
			city: '高知市',
			addressLine: '南川添1-2',
			building: null,
			lat: 33.56,
			lng: 133.54,
			access: null,
			accessibility: [],
			areas: [{ id: 'a', kind: '地区', slug: 'asahi', name: '旭' }]
		}
	],
	hours: [
		{ weekday: 1, opensAt: '9:00', closesAt: '17:30' },
		{ weekday: 6, opensAt: '22:00', closesAt: '6:00' },
		{ weekday: 0, opensAt: '0:00', closesAt: '24:00' }
	],
	hoursText: [],
	sessions: [],
	contacts: [{ kind: 'phone', value: '088-000-0000', role: null }],
	desk: null,
	events: []
};

describe('schema.org JSON-LD', () => {
	it('cannot end its <script> element early, whatever a name holds, and stays the same JSON', () => {
		const html = jsonLdScript(listingJsonLd(listing, 'https://example.jp/services/x1'));
		const inner = /^<script type="application\/ld\+json">([\s\S]*)<\/script>$/.exec(html)![1];
		expect(inner).not.toMatch(/<\/?script|<!--|[<>&\u2028\u2029]/i);
		const data = JSON.parse(inner);
		expect(data.name).toBe(listing.name);
		expect(data.description).toBe(listing.description);
	});

	it('describes the place: address, coordinates, opening hours, phone; no javascript: link', () => {
		const data = listingJsonLd(listing, 'https://example.jp/services/x1');
		expect(data).toMatchObject({
			'@type': 'Place',
			address: { '@type': 'PostalAddress', postalCode: '780-0082', addressRegion: '高知県', addressLocality: '高知市', streetAddress: '南川添1-2', addressCountry: 'JP' },
			geo: { '@type': 'GeoCoordinates', latitude: 33.56, longitude: 133.54 },
			telephone: '088-000-0000'
		});
		expect(data.sameAs).toBeUndefined();
	});

	it('writes opening hours as schema.org does: zero-padded, overnight spans as written, 24:00 as 23:59', () => {
		expect(openingHoursSpecification(listing.hours)).toEqual([
			{ '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Monday', opens: '09:00', closes: '17:30' },
			{ '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Saturday', opens: '22:00', closes: '06:00' },
			{ '@type': 'OpeningHoursSpecification', dayOfWeek: 'https://schema.org/Sunday', opens: '00:00', closes: '23:59' }
		]);
	});
});
