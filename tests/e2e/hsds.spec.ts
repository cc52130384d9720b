import { expect, test } from '@playwright/test';

test.describe('HSDS 3.0 API', () => {
	test('root, a page of services, one service fully nested, and a 400 for a bad page', async ({ request }) => {
		const root = await (await request.get('/hsds/')).json();
		expect(root).toMatchObject({ version: '3.0', openapi_url: expect.stringMatching(/\/api\/openapi\.json$/) });

		const list = await request.get('/hsds/services?per_page=2&search=' + encodeURIComponent('薬局'));
		expect(list.status()).toBe(200);
		const page = (await list.json()) as { total_items: number; size: number; contents: Array<{ id: string; name: string }> };
		expect(page.size).toBe(2);
		expect(page.total_items).toBeGreaterThan(2);

		const service = await (await request.get(`/hsds/services/${page.contents[0].id}`)).json();
		expect(service.name).toBe(page.contents[0].name);
		expect(service.organization.name).toBeTruthy();
		expect(service.service_at_locations[0].location.addresses[0].country).toBe('JP');

		const bad = await request.get('/hsds/services?page=0');
		expect(bad.status()).toBe(400);
		expect((await bad.json()).error.message_en).toContain('page');
		expect((await request.get('/hsds/services/no-such-id')).status()).toBe(404);
		expect((await request.get('/hsds/taxonomy_terms?per_page=500')).status()).toBe(200);
		expect((await request.get('/hsds/organizations?per_page=3')).status()).toBe(200);
		expect((await request.get('/hsds/service_at_locations?per_page=3&full=true')).status()).toBe(200);
		const openapi = await (await request.get(new URL(root.openapi_url).pathname)).json();
		expect(openapi.paths['/hsds/services']).toBeTruthy();
	});
});
