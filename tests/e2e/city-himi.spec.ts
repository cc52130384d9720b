/**
 * A second city from its own files: `CITY=himi` sets up 氷見市 (富山県) — its 21 地区 from
 * cities/himi/areas.geojson, a small fictional sample from cities/himi/listings.csv through the CSV
 * importer — and the same build serves it with its own name, areas and desk programme. The
 * 高知市 server the other specs use is untouched (its own database file).
 */
import { test, expect } from '@playwright/test';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../helpers/free-port';

const HIMI_DISTRICTS = ['北大町', '南大町', '朝日丘', '加納', '窪', '十二町', '布勢', '仏生寺', '上庄', '稲積', '余川', '宮田', '八代', '碁石', '熊無', '久目', '速川', '神代', '明和', '宇波', '女良'];
const DATABASE = path.resolve('test-results/e2e-himi.db');

let server: ChildProcess | null = null;
let base = '';

test.beforeAll(async () => {
	test.setTimeout(120_000);
	for (const suffix of ['', '-wal', '-shm']) fs.rmSync(DATABASE + suffix, { force: true });
	const env = { ...process.env, CITY: 'himi', DATABASE_PATH: DATABASE, MAP_TILE_URL: '', GEOCODER: 'fake', TSUNAGI_NOW: '2026-11-30T10:00:00+09:00' };
	// The one documented step before serving (`CITY=himi npm start` runs it, after the build).
	const setup = spawnSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/db-setup.ts'], { env, encoding: 'utf8' });
	expect(setup.status, setup.stderr).toBe(0);
	expect(setup.stdout).toContain('氷見市: 21 areas');
	const port = await freePort();
	base = `http://127.0.0.1:${port}`;
	server = spawn(process.execPath, ['scripts/serve.js'], { env: { ...env, PORT: String(port), HOST: '127.0.0.1' }, stdio: 'ignore' });
	await expect
		.poll(async () => {
			try {
				return (await fetch(`${base}/readyz`)).status;
			} catch {
				return 0;
			}
		}, { timeout: 60_000 })
		.toBe(200);
});

test.afterAll(() => {
	server?.kill('SIGTERM');
});

test('氷見市 starts from its own profile: its name, its 21 地区 and its desk programme', async ({ page }) => {
	await page.goto(`${base}/`);
	await expect(page).toHaveTitle(/氷見市/);
	await expect(page.getByRole('link', { name: /つなぎ\s*氷見市 地域の支え合いマップ/ })).toBeVisible();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await page.locator('body').textContent()).not.toMatch(/高知|ほおっちょけん/);

	await page.goto(`${base}/areas`);
	const districts = page.locator('section', { has: page.getByRole('heading', { name: '地区', exact: true }) }).getByRole('link');
	await expect(districts).toHaveCount(21);
	for (const name of HIMI_DISTRICTS) await expect(districts.filter({ hasText: new RegExp(`^${name}(地区)?\\s*\\d+件$`) })).toHaveCount(1);

	await page.goto(`${base}/search?desk=true`);
	const explanation = page.getByRole('region', { name: 'なんでも相談窓口とは' });
	await expect(explanation).toContainText('この市では「なんでも相談窓口」');
	await expect(page.getByRole('status').filter({ hasText: '6件' })).toBeVisible();
	expect(await page.locator('body').textContent()).not.toMatch(/高知|ほおっちょけん/);
});

test('a 氷見市 listing is 富山県氷見市 in its page, its JSON-LD and the API', async ({ page, request }) => {
	const search = await (await request.get(`${base}/api/search?q=${encodeURIComponent('ひみ中央薬局')}&per_page=1`)).json();
	expect(search.hits[0]).toMatchObject({ name: 'ひみ中央薬局', desk: true });
	await page.goto(`${base}/services/${search.hits[0].id}`);
	await expect(page).toHaveTitle('ひみ中央薬局｜つなぎ 氷見市');
	await expect(page.getByText('なんでも相談窓口', { exact: true }).first()).toBeVisible();
	const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
	expect(jsonLd.address).toMatchObject({ addressRegion: '富山県', addressLocality: '氷見市' });
	expect(jsonLd.containedInPlace).toEqual([{ '@type': 'AdministrativeArea', name: '北大町' }]);
	const sitemap = await (await request.get(`${base}/sitemap.xml`)).text();
	expect(sitemap.match(/\/services\//g)).toHaveLength(32);
	expect(sitemap).toContain(`${base}/areas/junicho`);
});

test('氷見市’s /areas map draws its 21 地区 from areas.geojson, each with the count of the list', async ({ page }) => {
	await page.goto(`${base}/areas`);
	const map = page.locator('.result-map');
	await expect(map).toHaveAttribute('data-map-state', 'ready');
	await expect(map).toHaveAttribute('data-drawn-areas', '21');
	const labels = map.locator('.area-label');
	await expect(labels).toHaveCount(21);
	const listed = await page.locator('.overview .districts a').evaluateAll((nodes) =>
		nodes.map((node) => `${node.querySelector('.name')!.textContent!.trim()} ${node.querySelector('.count')!.textContent!.trim()}`)
	);
	const named = await labels.evaluateAll((nodes) => nodes.map((node) => node.getAttribute('aria-label')));
	expect([...named].sort()).toEqual([...listed].sort());
	await map.locator('.area-label:not(.crowded)').first().click();
	await expect(map.getByRole('link', { name: /の情報を見る$/ })).toHaveAttribute('href', /^\/areas\/[a-z-]+$/);
});
