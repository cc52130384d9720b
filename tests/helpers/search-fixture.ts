/**
 * A small, hand-made set of listings (as HSDS 3.0 service objects) whose properties the search
 * tests know: 2-character words inside names, names with and without よみがな, 表記ゆれ, schedules
 * for weekday and open-now checks (monthly sessions, overnight and 24-hour spans), places with and
 * without coordinates, and enough salons to page through. Loaded with the same HSDS importer the
 * relevance harness uses.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type AppDatabase } from '../../src/lib/server/db';
import { importHsdsServices, type HsdsService } from '../../src/lib/server/importers/hsds-import';
import { rebuildEmbeddedIndex } from '../../src/lib/server/search/indexer';
import { EmbeddedSearchEngine } from '../../src/lib/server/search/embedded';

export const AREAS = { asahi: '旭', ichinomiya: '一宮', haruno: '春野' } as const;
type AreaName = (typeof AREAS)[keyof typeof AREAS];

const CENTERS: Record<AreaName, [number, number]> = { 旭: [33.5665, 133.5135], 一宮: [33.5935, 133.5775], 春野: [33.5125, 133.4905] };

interface ListingSpec {
	name: string;
	kana?: string;
	field: string;
	terms: Array<[code: string, name: string]>;
	tags?: string[];
	targets?: string[];
	area?: AreaName;
	/** Offset from the area centre in 1/1000 degree; omitted with `area` unset = no location. */
	offset?: [number, number];
	schedules?: HsdsService['schedules'];
	desk?: boolean;
	description?: string;
	archived?: boolean;
}

const WEEKDAYS_9_TO_18 = [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '18:00' }];

const SPECS: ListingSpec[] = [
	{ name: '旭町ほおっちょけん薬局', kana: 'あさひまちほおっちょけんやっきょく', field: '医療', terms: [['pharmacy', '薬局']], tags: ['薬の相談', 'なんでも相談'], targets: ['誰でも'], area: '旭', offset: [0, 0], schedules: [...WEEKDAYS_9_TO_18, { freq: 'WEEKLY', byday: 'SA', opens_at: '09:00', closes_at: '13:00' }], desk: true },
	{ name: 'あさひ調剤薬局', kana: 'あさひちょうざいやっきょく', field: '医療', terms: [['pharmacy', '薬局']], tags: ['薬の相談'], targets: ['誰でも'], area: '旭', offset: [2, 3], schedules: WEEKDAYS_9_TO_18, desk: true },
	{ name: 'ひまわり薬局 一宮店', kana: 'ひまわりやっきょく いっくてん', field: '医療', terms: [['pharmacy', '薬局']], tags: ['薬の相談'], targets: ['誰でも'], area: '一宮', offset: [1, -2], schedules: WEEKDAYS_9_TO_18 },
	{ name: 'はるの薬局', kana: 'はるのやっきょく', field: '医療', terms: [['pharmacy', '薬局']], tags: ['薬の相談'], targets: ['誰でも'], area: '春野', offset: [0, 4], schedules: WEEKDAYS_9_TO_18 },
	{ name: '子供食堂あさひ', kana: 'こどもしょくどうあさひ', field: '地域資源', terms: [['kodomo-shokudo', '子ども食堂・地域食堂']], tags: ['食事の提供', '居場所'], targets: ['子ども・子育て世帯'], area: '旭', offset: [-3, 1], schedules: [{ freq: 'MONTHLY', byday: '2SA', opens_at: '17:00', closes_at: '19:00' }] },
	{ name: 'いっくこども食堂', kana: 'いっくこどもしょくどう', field: '地域資源', terms: [['kodomo-shokudo', '子ども食堂・地域食堂']], tags: ['食事の提供'], targets: ['子ども・子育て世帯'], area: '一宮', offset: [4, 4], schedules: [{ freq: 'WEEKLY', byday: 'WE', opens_at: '17:00', closes_at: '19:30' }] },
	{ name: '旭地区社会福祉協議会', kana: 'あさひちくしゃかいふくしきょうぎかい', field: '地域資源', terms: [['social-welfare-council', '社会福祉協議会']], tags: ['なんでも相談'], targets: ['誰でも'], area: '旭', offset: [1, 1], schedules: WEEKDAYS_9_TO_18 },
	{ name: '高知市北部高齢者支援センター', kana: 'こうちしほくぶこうれいしゃしえんせんたー', field: '介護', terms: [['care-center', '高齢者支援センター（地域包括支援センター）']], tags: ['介護の相談'], targets: ['高齢者'], area: '一宮', offset: [-2, 0], schedules: WEEKDAYS_9_TO_18 },
	{ name: 'デイサービスひだまり', kana: 'でいさーびすひだまり', field: '介護', terms: [['day-service', 'デイサービス（通所介護）']], tags: ['健康づくり'], targets: ['高齢者'], area: '旭', offset: [-1, -4], schedules: [{ freq: 'WEEKLY', byday: 'MO,TU,WE,TH,FR,SA', opens_at: '08:30', closes_at: '17:00' }], desk: true },
	{ name: 'いきいきサロン 旭', kana: 'いきいきさろん あさひ', field: '地域資源', terms: [['salon', 'サロン・通いの場']], tags: ['居場所', '話し相手'], targets: ['高齢者'], area: '旭', offset: [3, -1], schedules: [{ freq: 'MONTHLY', byday: '2TU,4TU', opens_at: '10:00', closes_at: '11:30' }] },
	// No よみがな: the reading is generated at index time.
	{ name: '旭ぬくもり百歳体操の会', field: '地域資源', terms: [['hyakusai-taiso', 'いきいき百歳体操']], tags: ['健康づくり'], targets: ['高齢者'], area: '旭', offset: [-4, 2], schedules: [{ freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '11:00' }] },
	{ name: '一宮お助け隊', kana: 'いっくおたすけたい', field: '地域資源', terms: [['visit-support-b', '訪問型サービスB（生活支援）']], tags: ['電球交換', 'ゴミ出し支援', '草抜き'], targets: ['高齢者'], area: '一宮', offset: [2, 1], schedules: WEEKDAYS_9_TO_18 },
	{ name: '旭地区民生委員児童委員協議会', kana: 'あさひちくみんせいいいんじどういいんきょうぎかい', field: '地域資源', terms: [['minsei-iin', '民生委員・児童委員']], tags: ['見守り'], targets: ['誰でも'], area: '旭', offset: [0, 2] },
	{ name: '高知市ファミリー・サポート・センター', kana: 'こうちしふぁみりー・さぽーと・せんたー', field: '子育て', terms: [['family-support', 'ファミリー・サポート・センター']], tags: ['一時預かり', '子育ての相談'], targets: ['子ども・子育て世帯'], area: '一宮', offset: [-4, -4], schedules: WEEKDAYS_9_TO_18 },
	{ name: '障がい者相談支援センターはるの', kana: 'しょうがいしゃそうだんしえんせんたーはるの', field: '障害', terms: [['disability-consult', '障害者相談支援']], targets: ['障害のある人'], area: '春野', offset: [2, -3], schedules: WEEKDAYS_9_TO_18 },
	// Saturday 22:00 → Sunday 06:00, and every night.
	{ name: '夜間休日診療所', kana: 'やかんきゅうじつしんりょうじょ', field: '医療', terms: [['clinic', '診療所・クリニック']], targets: ['誰でも'], area: '一宮', offset: [0, -5], schedules: [{ freq: 'WEEKLY', byday: 'SU,MO,TU,WE,TH,FR,SA', opens_at: '22:00', closes_at: '06:00' }] },
	{ name: '24時間訪問看護ステーション', kana: 'にじゅうよじかんほうもんかんごすてーしょん', field: '医療', terms: [['home-nursing', '訪問看護']], targets: ['高齢者'], area: '春野', offset: [-3, 3], schedules: [{ freq: 'WEEKLY', byday: 'SU,MO,TU,WE,TH,FR,SA', opens_at: '00:00', closes_at: '24:00' }] },
	{ name: '春野公民館', kana: 'はるのこうみんかん', field: '地域資源', terms: [['community-center', '公民館・集会所']], tags: ['居場所'], targets: ['誰でも'], area: '春野', offset: [1, 1], schedules: [{ freq: 'WEEKLY', byday: 'TU,WE,TH,FR,SA,SU', opens_at: '09:00', closes_at: '21:00' }] },
	{ name: '電話相談 こころ', kana: 'でんわそうだん こころ', field: '地域資源', terms: [['consultation-desk', 'なんでも相談窓口']], tags: ['なんでも相談', '話し相手'], targets: ['誰でも'], schedules: WEEKDAYS_9_TO_18 },
	{ name: '閉鎖した薬局', kana: 'へいさしたやっきょく', field: '医療', terms: [['pharmacy', '薬局']], area: '旭', offset: [0, 1], archived: true }
];

const SALON_BRANDS = ['さくら', 'ひまわり', 'たんぽぽ', 'すみれ', 'もみじ', 'つばき', 'わかば', 'こすもす'];
for (const [index, area] of (['旭', '一宮', '春野'] as const).entries()) {
	SALON_BRANDS.forEach((brand, i) => {
		SPECS.push({
			name: `${area}${brand}ふれあいサロン`,
			field: '地域資源',
			terms: [['salon', 'サロン・通いの場']],
			tags: ['居場所'],
			targets: ['高齢者'],
			area,
			offset: [i * 2 - 7, index * 3 - 3],
			schedules: [{ freq: 'WEEKLY', byday: ['MO', 'WE', 'FR', 'TH'][i % 4], opens_at: '13:00', closes_at: '15:00' }]
		});
	});
}

export function fixtureId(index: number): string {
	return `00000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`;
}

export function fixtureServices(): HsdsService[] {
	return SPECS.map((spec, index) => {
		const id = fixtureId(index);
		const center = spec.area ? CENTERS[spec.area] : null;
		const location =
			center && spec.offset
				? {
						id: `10000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
						name: spec.name,
						latitude: Number((center[0] + spec.offset[0] / 1000).toFixed(6)),
						longitude: Number((center[1] + spec.offset[1] / 1000).toFixed(6)),
						addresses: [{ address_1: `${spec.area}町${index + 1}番地`, city: '高知市', state_province: '高知県', postal_code: '780-0000' }],
						'x-area': spec.area
					}
				: null;
		return {
			id,
			name: spec.name,
			alternate_name: spec.kana ?? null,
			description: spec.description ?? `${spec.name}のご案内（テスト用の架空データ）。`,
			status: spec.archived ? 'inactive' : 'active',
			organization: { id: `20000000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`, name: `${spec.name}運営会` },
			phones: [{ number: '088-000-0000' }],
			schedules: spec.schedules ?? [],
			service_at_locations: location ? [{ location }] : [],
			attributes: [
				{ taxonomy_term: { name: spec.field, taxonomy: 'tsunagi-field' } },
				...spec.terms.map(([code, name]) => ({ taxonomy_term: { code, name, taxonomy: 'tsunagi-term' } })),
				...(spec.tags ?? []).map((name) => ({ taxonomy_term: { name, taxonomy: 'tsunagi-tag' } })),
				...(spec.targets ?? []).map((name) => ({ taxonomy_term: { name, taxonomy: 'tsunagi-target' } }))
			],
			'x-desk': spec.desk ?? false
		};
	});
}

export interface FixtureDatabase {
	db: AppDatabase;
	file: string;
	dispose(): void;
}

/** A fresh database file holding the fixture listings, with the embedded index built. */
export async function createFixtureDatabase(services: HsdsService[] = fixtureServices()): Promise<FixtureDatabase> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-search-'));
	const file = path.join(dir, 'search.db');
	const db = openDatabase(file, { migrationsDir: path.resolve('drizzle') });
	importHsdsServices(db, services);
	await rebuildEmbeddedIndex(db, new EmbeddedSearchEngine(db));
	return {
		db,
		file,
		dispose: () => {
			db.$client.close();
			fs.rmSync(dir, { recursive: true, force: true });
		}
	};
}
