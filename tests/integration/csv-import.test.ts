/**
 * The curators' CSV import and the Excel-safe exports, on real SQLite files: Shift_JIS and
 * UTF-8-BOM files of the same content import identically; spreadsheet spellings are normalised;
 * a bad third row stops the whole file and is named; duplicates are updated; addresses are
 * geocoded through the Geocoder (the fake); exported formula cells are neutralised.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db';
import { getListing } from '../../src/lib/server/listings';
import { loadCityProfile } from '../../src/lib/server/city-profile';
import { FakeGeocoder } from '../../src/lib/server/geocoding/geocoder';
import { HsdsImporter, importDefaults } from '../../src/lib/server/importers/hsds-import';
import { decodeCsvBytes, importCsv, type CsvImportOptions } from '../../src/lib/server/importers/csv-import';
import { exportCsv, exportGeoJson, csvTemplate } from '../../src/lib/server/importers/open-data';
import { parseCsv } from '../../src/lib/server/importers/csv-columns';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-csv-'));
const profile = loadCityProfile();
const opened: AppDatabase[] = [];
let counter = 0;

function freshDatabase(): AppDatabase {
	const db = openDatabase(path.join(dir, `csv-${counter++}.db`), { migrationsDir: path.resolve('drizzle') });
	opened.push(db);
	new HsdsImporter(db, importDefaults(profile)).ensureBuiltInTerms();
	db.$client.prepare("INSERT INTO areas (id, kind, slug, name) VALUES ('area-asahi', '地区', 'asahi', '旭')").run();
	return db;
}

afterAll(() => {
	for (const db of opened) db.$client.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

const HEADER = '名称,ふりがな,分野,種類,困りごと,対象,団体名,〒,住所,電話,FAX,開所時間,開催日,最終確認日,地区,緯度,経度';
const ROWS = [
	// 全角 digits, 〒, 丁目番地 spelled out, カタカナ reading, 和暦
	'ひだまりサロン,ヒダマリサロン,地域資源,サロン・通いの場,居場所、話し相手,高齢者,旭地区社協,〒７８０－０９３５,高知県高知市旭町二丁目１２番地３,０８８ー８２３ー９４５１,,,毎月第2・第4火曜 10:00〜11:30,令和6年4月1日,旭,,',
	'みなみ薬局,みなみやっきょく,医療,薬局,薬の相談,誰でも,みなみ薬局,780-0870,本町5丁目1番45号,088-823-1111,088-823-1112,月〜金 9:00〜18:00 ／ 土 9:00〜13:00,,R6.4.1,,,',
	'こども食堂あさひ,こどもしょくどうあさひ,地域資源,子ども食堂・地域食堂,食事の提供,子ども・子育て世帯,あさひ食堂の会,7800935,旭町3-5,088-823-2222,,,毎月15日 17:00〜19:00,2024/4/1,旭,33.5665,133.5135'
];

/** As Excel on Windows writes it: 〜 is ～ (FULLWIDTH TILDE), the only wave dash Shift_JIS (CP932) has. */
function csvText(rows: string[] = ROWS): string {
	return ([HEADER, ...rows].join('\r\n') + '\r\n').replace(/〜/g, '～');
}

function options(extra: Partial<CsvImportOptions> = {}): CsvImportOptions {
	return { profile, geocoder: new FakeGeocoder(), geocodeIntervalMs: 0, ...extra };
}

/** What a user sees of every imported listing, keyed by name (ids differ between databases). */
function listingsByName(db: AppDatabase) {
	const ids = db.$client.prepare('SELECT id FROM services ORDER BY name').pluck().all() as string[];
	return ids.map((id) => {
		const { id: _id, locations, sessions, organization, ...listing } = getListing(db, id, { publishedOnly: false })!;
		return {
			...listing,
			organization: organization.name,
			locations: locations.map(({ id: _locationId, ...location }) => location),
			sessions: sessions.map(({ id: _sessionId, ...session }) => session)
		};
	});
}

describe('CSV encodings', () => {
	it('detects UTF-8 with and without BOM and Shift_JIS', () => {
		const text = csvText();
		expect(decodeCsvBytes(Buffer.from(`\uFEFF${text}`, 'utf8')).encoding).toBe('UTF-8 (BOM付き)');
		expect(decodeCsvBytes(Buffer.from(text, 'utf8')).encoding).toBe('UTF-8');
		const sjis = decodeCsvBytes(iconv.encode(text, 'CP932'));
		expect(sjis.encoding).toBe('Shift_JIS');
		expect(sjis.text).toBe(text);
	});

	it('Shift_JIS and UTF-8-BOM files of the same content import identically', async () => {
		const text = csvText();
		const sjisDb = freshDatabase();
		const bomDb = freshDatabase();
		const sjis = await importCsv(sjisDb, iconv.encode(text, 'CP932'), options());
		const bom = await importCsv(bomDb, Buffer.from(`\uFEFF${text}`, 'utf8'), options());
		expect(sjis.preview.problems).toEqual([]);
		expect(sjis.created).toBe(3);
		expect(bom.created).toBe(3);
		expect(listingsByName(sjisDb)).toEqual(listingsByName(bomDb));
	});
});

describe('CSV normalisation', () => {
	it('forgives 全角/半角, 〒, hyphens, 丁目番地, カタカナ readings and 和暦', async () => {
		const db = freshDatabase();
		const result = await importCsv(db, Buffer.from(csvText()), options());
		expect(result.preview.problems).toEqual([]);
		const [salon] = listingsByName(db).filter((listing) => listing.name === 'ひだまりサロン');
		expect(salon.kana).toBe('ひだまりさろん');
		expect(salon.locations[0].postalCode).toBe('780-0935');
		expect(salon.locations[0].addressLine).toBe('旭町2丁目12-3');
		expect(salon.locations[0].areas.map((area) => area.name)).toEqual(['旭']);
		expect(salon.contacts).toEqual([{ kind: 'phone', value: '088-823-9451', role: null }]);
		expect(salon.lastVerifiedAt).toBe('2024-04-01');
		expect(salon.sessions.map((session) => session.description)).toEqual(['毎月第2・第4火曜 10:00〜11:30']);
		expect(salon.terms.map((term) => term.code)).toEqual(['salon']);
		const pharmacy = listingsByName(db).find((listing) => listing.name === 'みなみ薬局')!;
		expect(pharmacy.locations[0].addressLine).toBe('本町5丁目1-45');
		expect(pharmacy.lastVerifiedAt).toBe('2024-04-01');
		expect(pharmacy.hoursText).toEqual(['月〜金 9:00〜18:00', '土 9:00〜13:00']);
		expect(pharmacy.contacts.map((contact) => contact.kind)).toEqual(['phone', 'fax']);
	});

	it('geocodes addresses without coordinates through the Geocoder, once per address, and keeps given coordinates', async () => {
		const db = freshDatabase();
		const geocoder = new FakeGeocoder();
		const result = await importCsv(db, Buffer.from(csvText()), options({ geocoder }));
		expect(geocoder.calls).toEqual(['高知県高知市旭町2丁目12-3', '高知県高知市本町5丁目1-45']);
		expect(result.geocoded).toBe(2);
		const pharmacy = listingsByName(db).find((listing) => listing.name === 'みなみ薬局')!;
		expect(pharmacy.locations[0]).toMatchObject({ lat: 33.5597, lng: 133.5311 });
		const shokudo = listingsByName(db).find((listing) => listing.name === 'こども食堂あさひ')!;
		expect(shokudo.locations[0]).toMatchObject({ lat: 33.5665, lng: 133.5135 });
	});

	it('an address the geocoder does not know is imported without a pin and reported', async () => {
		const db = freshDatabase();
		const geocoder = { calls: 0, async geocode() { this.calls++; return []; } };
		const result = await importCsv(db, Buffer.from(csvText([ROWS[1]])), options({ geocoder }));
		expect(result.created).toBe(1);
		expect(result.notGeocoded.map((row) => row.line)).toEqual([2]);
	});
});

describe('CSV all or nothing', () => {
	it('a CSV whose third row is bad imports nothing and names that row and its fields in Japanese', async () => {
		const db = freshDatabase();
		const bad = ROWS[1].replace('088-823-1111', '0888').replace('R6.4.1', '令和六十年十三月一日').replace('月〜金 9:00〜18:00', '平日の朝');
		const result = await importCsv(db, Buffer.from(csvText([ROWS[0], bad, ROWS[2]])), options());
		expect(result.written).toBe(false);
		expect(result.preview.problems.map((problem) => problem.line)).toEqual([3]);
		const fields = result.preview.problems[0].fields;
		expect(fields['電話']).toContain('電話番号は');
		expect(fields['最終確認日']).toContain('日付として読めません');
		expect(fields['開所時間']).toContain('読めません');
		expect(db.$client.prepare('SELECT count(*) FROM services').pluck().get()).toBe(0);
		expect(db.$client.prepare('SELECT count(*) FROM organizations').pluck().get()).toBe(0);
	});

	it('a failure while writing rolls everything back', async () => {
		const db = freshDatabase();
		// A trigger makes the third insert fail inside the transaction, after two rows were written.
		db.$client.exec(`CREATE TRIGGER fail_third BEFORE INSERT ON services WHEN (SELECT count(*) FROM services) >= 2 BEGIN SELECT RAISE(ABORT, 'disk full'); END`);
		await expect(importCsv(db, Buffer.from(csvText()), options())).rejects.toThrow('disk full');
		expect(db.$client.prepare('SELECT count(*) FROM services').pluck().get()).toBe(0);
		expect(db.$client.prepare('SELECT count(*) FROM locations').pluck().get()).toBe(0);
	});

	it('--dry-run checks everything and writes nothing', async () => {
		const db = freshDatabase();
		const geocoder = new FakeGeocoder();
		const result = await importCsv(db, Buffer.from(csvText()), options({ dryRun: true, geocoder }));
		expect(result.preview.rows.map((row) => row.action)).toEqual(['new', 'new', 'new']);
		expect(result.preview.rows.filter((row) => row.needsGeocoding)).toHaveLength(2);
		expect(geocoder.calls).toEqual([]);
		expect(db.$client.prepare('SELECT count(*) FROM services').pluck().get()).toBe(0);
	});
});

describe('CSV headers', () => {
	it('an unknown header stops the import until it is mapped or ignored', async () => {
		const db = freshDatabase();
		const text = csvText().replace('名称,', '事業の名前,').replace(',経度', ',経度,備考欄') ;
		const first = await importCsv(db, Buffer.from(text), options());
		expect(first.preview.unknownHeaders).toEqual(['事業の名前', '備考欄']);
		expect(first.preview.fileError).toContain('事業の名前');
		expect(first.written).toBe(false);
		const mapped = await importCsv(db, Buffer.from(text), options({ mapping: { 事業の名前: 'name', 備考欄: 'ignore' } }));
		expect(mapped.preview.fileError).toBeNull();
		expect(mapped.created).toBe(3);
	});
});

describe('CSV duplicates', () => {
	it('the same name and address updates the listing instead of adding a second', async () => {
		const db = freshDatabase();
		await importCsv(db, Buffer.from(csvText()), options());
		const again = ROWS.map((row) => row.replace('088-823-1111', '088-823-3333'));
		const second = await importCsv(db, Buffer.from(csvText(again)), options());
		expect(second.preview.rows.map((row) => row.action)).toEqual(['update', 'update', 'update']);
		expect(second.created).toBe(0);
		expect(db.$client.prepare('SELECT count(*) FROM services').pluck().get()).toBe(3);
		expect(db.$client.prepare('SELECT count(*) FROM organizations').pluck().get()).toBe(3);
		expect(listingsByName(db).find((listing) => listing.name === 'みなみ薬局')!.contacts[0].value).toBe('088-823-3333');
	});
});

describe('Excel-safe exports', () => {
	it('neutralises =HYPERLINK(...) and other formula cells, with BOM and CRLF; the file comes back in unchanged', async () => {
		const db = freshDatabase();
		await importCsv(db, Buffer.from(csvText()), options());
		db.$client.prepare("UPDATE services SET description = '=HYPERLINK(\"http://evil.example/\",\"詳しく\")' WHERE name = 'みなみ薬局'").run();
		db.$client.prepare("UPDATE services SET fee = '+100円', eligibility = '@誰でも', how_to_apply = '-' WHERE name = 'ひだまりサロン'").run();
		const { body, count } = exportCsv(db);
		expect(count).toBe(3);
		expect(body.startsWith('\uFEFF')).toBe(true);
		expect(body.split('\r\n').length).toBe(5);
		expect(body).not.toMatch(/(^|,)"?[=+\-@]/m);
		expect(body).toContain(`"'=HYPERLINK(""http://evil.example/"",""詳しく"")"`);
		expect(body).toContain("'+100円");
		// Out to Excel and back: the same listings, formula text intact as text.
		const before = listingsByName(db);
		const again = await importCsv(db, Buffer.from(body), options());
		expect(again.preview.problems).toEqual([]);
		expect(again.updated).toBe(3);
		expect(listingsByName(db)).toEqual(before);
	});

	it('the template has the Japanese headers and imports as nothing', async () => {
		const template = csvTemplate();
		const [headers] = parseCsv(template.replace(/^\uFEFF/, ''));
		expect(headers.slice(0, 4)).toEqual(['ID', '名称', 'よみがな', '分野']);
		const result = await importCsv(freshDatabase(), Buffer.from(template), options());
		expect(result.preview.fileError).toBe('データの行がありません。');
	});

	it('GeoJSON has the published listings with coordinates as [lng, lat]', async () => {
		const db = freshDatabase();
		await importCsv(db, Buffer.from(csvText()), options());
		db.$client.prepare("UPDATE services SET status = 'draft' WHERE name = 'みなみ薬局'").run();
		const geojson = JSON.parse(exportGeoJson(db).body);
		expect(geojson.type).toBe('FeatureCollection');
		expect(geojson.features.map((feature: { properties: { name: string } }) => feature.properties.name).sort()).toEqual(['こども食堂あさひ', 'ひだまりサロン']);
		const shokudo = geojson.features.find((feature: { properties: { name: string } }) => feature.properties.name === 'こども食堂あさひ');
		expect(shokudo.geometry).toEqual({ type: 'Point', coordinates: [133.5135, 33.5665] });
	});
});

describe('data:import CSV from the command line', () => {
	it('prints a progress line, names the bad row and exits 1; imports a good file', () => {
		const tsx = path.resolve('node_modules/.bin/tsx');
		const env = { ...process.env, DATABASE_PATH: path.join(dir, 'cli.db'), MEILI_URL: '', GEOCODER: 'fake', GEOCODE_INTERVAL_MS: '0' };
		const db = openDatabase(env.DATABASE_PATH, { migrationsDir: path.resolve('drizzle') });
		db.$client.prepare("INSERT INTO areas (id, kind, slug, name) VALUES ('area-asahi', '地区', 'asahi', '旭')").run();
		db.$client.close();
		const bad = path.join(dir, 'bad.csv');
		fs.writeFileSync(bad, iconv.encode(csvText([ROWS[0], ROWS[1].replace('088-823-1111', '0888'), ROWS[2]]), 'CP932'));
		const failed = spawnSync(tsx, ['scripts/data-import.ts', bad], { env, encoding: 'utf8' });
		expect(failed.status).toBe(1);
		expect(failed.stdout).toContain('文字コード: Shift_JIS');
		expect(failed.stdout).toContain('3 行目「みなみ薬局」');
		expect(failed.stdout).toContain('どの行も読み込んでいません');
		expect(failed.stderr).not.toMatch(/\n\s+at /);
		const good = path.join(dir, 'good.csv');
		fs.writeFileSync(good, Buffer.from(`\uFEFF${csvText()}`));
		const dry = spawnSync(tsx, ['scripts/data-import.ts', good, '--dry-run'], { env, encoding: 'utf8' });
		expect(dry.status).toBe(0);
		expect(dry.stdout).toContain('試行（保存していません）: 新規 3 件');
		const done = spawnSync(tsx, ['scripts/data-import.ts', good], { env, encoding: 'utf8' });
		expect(done.status).toBe(0);
		expect(done.stdout).toContain('読み込みました: 新規 3 件');
		expect(done.stderr).toMatch(/書き込み: 3\/3 \(100%\)/);
	});
});
