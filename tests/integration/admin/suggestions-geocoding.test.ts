import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import * as t from '../../../src/lib/server/db/schema';
import { submitSuggestion } from '../../../src/lib/server/admin/suggestions';
import { SUGGESTION_LIMIT_PER_IP } from '../../../src/lib/server/auth/throttle';
import { pendingChangeRequests } from '../../../src/lib/server/admin/queries';
import { FakeGeocoder, GeocodingError, GsiGeocoder, lookupPostalCode, townOf } from '../../../src/lib/server/geocoding';
import { createAdminFixture, type AdminFixture } from './fixture';

let f: AdminFixture;
beforeAll(async () => {
	f = await createAdminFixture();
});
afterAll(() => f.close());

const good = { topic: '電話番号などの連絡先', message: '電話番号が 088-000-0000 に変わっています。', contact: '' };

describe('情報の修正を提案', () => {
	it('becomes a suggestion in the curators’ queue', () => {
		expect(submitSuggestion(f.db, f.listingA, good, '', '192.0.2.1')).toEqual({ status: 200, result: { suggestion: 'sent' } });
		const [request] = pendingChangeRequests(f.db, f.curator);
		expect(request).toMatchObject({ kind: 'suggestion', serviceId: f.listingA, submittedByName: null });
		expect(JSON.parse(request.payload)).toEqual(good);
	});

	it('answers bad input with 400, the values back and Japanese messages', () => {
		const outcome = submitSuggestion(f.db, f.listingA, { topic: '', message: ' ', contact: '' }, '', '192.0.2.2');
		expect(outcome.status).toBe(400);
		expect(outcome.result).toMatchObject({ suggestion: 'invalid', values: { topic: '', message: ' ' } });
		if (outcome.result.suggestion !== 'invalid') return;
		expect(outcome.result.errors.topic).toMatch(/選んで/);
		expect(outcome.result.errors.message).toMatch(/書いて/);
	});

	it('drops what a bot fills into the honeypot, silently', () => {
		const before = f.db.select().from(t.changeRequests).all().length;
		expect(submitSuggestion(f.db, f.listingA, good, 'http://spam.example', '192.0.2.3').status).toBe(200);
		expect(f.db.select().from(t.changeRequests).all().length).toBe(before);
	});

	it('limits suggestions per IP', () => {
		for (let i = 0; i < SUGGESTION_LIMIT_PER_IP.max; i++) expect(submitSuggestion(f.db, f.listingA, good, '', '192.0.2.9').status).toBe(200);
		expect(submitSuggestion(f.db, f.listingA, good, '', '192.0.2.9').status).toBe(429);
		expect(submitSuggestion(f.db, f.listingA, good, '', '192.0.2.10').status).toBe(200);
	});

	it('is refused for listings that are not public', () => {
		f.db.update(t.services).set({ status: 'draft' }).where(eq(t.services.id, f.listingB)).run();
		expect(submitSuggestion(f.db, f.listingB, good, '', '192.0.2.11').status).toBe(404);
	});
});

describe('geocoding', () => {
	it('reads the 国土地理院 address search answer ([lng, lat] features)', async () => {
		let requested = '';
		const fakeFetch = (async (url: string | URL | Request) => {
			requested = String(url);
			return new Response(
				JSON.stringify([{ geometry: { coordinates: [133.531, 33.5597], type: 'Point' }, type: 'Feature', properties: { addressCode: '', title: '高知県高知市本町五丁目' } }]),
				{ headers: { 'content-type': 'application/json' } }
			);
		}) as typeof fetch;
		const results = await new GsiGeocoder(fakeFetch).geocode('高知県高知市本町5丁目1-45');
		expect(requested).toBe(`https://msearch.gsi.go.jp/address-search/AddressSearch?q=${encodeURIComponent('高知県高知市本町5丁目1-45')}`);
		expect(results).toEqual([{ lat: 33.5597, lng: 133.531, label: '高知県高知市本町五丁目' }]);
	});

	it('turns network failures and bad answers into GeocodingError', async () => {
		const offline = (async () => {
			throw new TypeError('fetch failed');
		}) as typeof fetch;
		await expect(new GsiGeocoder(offline).geocode('高知市')).rejects.toBeInstanceOf(GeocodingError);
		const broken = (async () => new Response('oops', { status: 502 })) as typeof fetch;
		await expect(new GsiGeocoder(broken).geocode('高知市')).rejects.toBeInstanceOf(GeocodingError);
	});

	it('has a deterministic fake with the same interface', async () => {
		const geocoder = new FakeGeocoder();
		expect(await geocoder.geocode('高知県高知市本町5丁目1-45')).toEqual([{ lat: 33.5597, lng: 133.5311, label: '高知県高知市本町5丁目1-45' }]);
		const [a] = await geocoder.geocode('高知県高知市朝倉甲1');
		expect(await geocoder.geocode('高知県高知市朝倉甲1')).toEqual([a]);
		expect(Math.abs(a.lat - 33.5597)).toBeLessThan(0.03);
		expect(await geocoder.geocode('東京都千代田区')).toEqual([]);
	});

	it('helps from 郵便番号 to 町名 offline, from the table and from stored locations', () => {
		expect(townOf('旭町2丁目12-3')).toBe('旭町');
		expect(lookupPostalCode(f.db, '〒７８０－０８７０')).toMatchObject({ postalCode: '780-0870', city: '高知市', town: '本町' });
		f.db.insert(t.locations).values({ id: 'loc-x', postalCode: '781-8130', addressLine: '一宮中町1丁目5-5' }).run();
		f.db.insert(t.locationAreas).values({ locationId: 'loc-x', areaId: f.districtId }).run();
		expect(lookupPostalCode(f.db, '7818130')).toMatchObject({ town: '一宮中町', areaIds: [f.districtId] });
		expect(lookupPostalCode(f.db, '100-0001')).toBeNull();
		expect(lookupPostalCode(f.db, '12')).toBeNull();
	});
});
