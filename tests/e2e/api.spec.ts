import { expect, test } from '@playwright/test';
import { haversineMeters } from '../../src/lib/domain/geo';

interface Hit {
	id: string;
	name: string;
	lat: number | null;
	lng: number | null;
	distance_m?: number;
	desk: boolean;
	terms: string[];
}

test.describe('JSON API', () => {
	test('NUL, CR/LF and quotes in the query never give a 500', async ({ request }) => {
		for (const q of ['%00', '%E8%96%AC%00%E5%B1%80', '%0D%0A', '%22', '%22%00%22*']) {
			const api = await request.get(`/api/search?q=${q}`);
			expect(api.status(), `/api/search?q=${q}`).toBe(200);
			const page = await request.get(`/search?q=${q}`);
			expect(page.status(), `/search?q=${q}`).toBe(200);
		}
	});

	test('near search is sorted by distance, matching a haversine computation', async ({ request }) => {
		const origin = { lat: 33.5663, lng: 133.5236 };
		const response = await request.get(`/api/search?lat=${origin.lat}&lng=${origin.lng}&radius_km=3&sort=distance&per_page=100`);
		expect(response.status()).toBe(200);
		const body = (await response.json()) as { total: number; hits: Hit[] };
		expect(body.hits.length).toBeGreaterThan(10);
		const distances = body.hits.map((hit) => haversineMeters(origin, { lat: hit.lat!, lng: hit.lng! }));
		for (let i = 0; i < body.hits.length; i++) {
			expect(Math.abs(body.hits[i].distance_m! - distances[i])).toBeLessThanOrEqual(1);
			expect(distances[i]).toBeLessThanOrEqual(3000);
			if (i > 0) expect(distances[i]).toBeGreaterThanOrEqual(distances[i - 1] - 1);
		}
	});

	test('薬局 finds the certified pharmacies', async ({ request }) => {
		const response = await request.get('/api/search?q=' + encodeURIComponent('薬局') + '&desk=true&per_page=100');
		const body = (await response.json()) as { total: number; hits: Hit[] };
		expect(body.total).toBe(23);
		for (const hit of body.hits) {
			expect(hit.desk).toBe(true);
			expect(hit.name).toContain('薬局');
		}
	});

	test('answers facets and says which engine served it', async ({ request }) => {
		const response = await request.get('/api/search?q=' + encodeURIComponent('サロン') + '&area=' + encodeURIComponent('旭'));
		expect(response.headers()['x-search-engine']).toBe('embedded');
		const body = (await response.json()) as { total: number; facets: { area: Record<string, number> } };
		expect(body.total).toBeGreaterThan(0);
		expect(Object.keys(body.facets.area)).toEqual(['旭']);
	});

	for (const query of ['weekday=9', 'per_page=500', 'lat=33.5', 'sort=distance', 'field=教育', 'page=-1', 'open_now=yes', 'area=' + encodeURIComponent('どこにもない町')]) {
		test(`invalid parameters (${decodeURIComponent(query)}) give 400 with Japanese and English messages`, async ({ request }) => {
			const response = await request.get(`/api/search?${query}`);
			expect(response.status()).toBe(400);
			const body = (await response.json()) as { error: { message: string; message_en: string } };
			expect(body.error.message).toMatch(/[ぁ-んァ-ン一-龠]/);
			expect(body.error.message_en).toMatch(/[a-z]/);
		});
	}

	test('a listing is returned whole, and an unknown id is a 404', async ({ request }) => {
		const search = (await (await request.get('/api/search?q=' + encodeURIComponent('百歳体操') + '&per_page=1')).json()) as { hits: Hit[] };
		const response = await request.get(`/api/services/${search.hits[0].id}`);
		expect(response.status()).toBe(200);
		const listing = await response.json();
		expect(listing).toMatchObject({ id: search.hits[0].id, name: search.hits[0].name });
		expect(listing.sessions.length).toBeGreaterThan(0);
		expect((await request.get('/api/services/00000000-0000-4000-8000-000000000000')).status()).toBe(404);
	});
});
