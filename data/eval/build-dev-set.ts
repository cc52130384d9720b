/**
 * Builds the relevance dev set (data/eval/dev.json) from the generated 高知市 sample.
 *   npx tsx data/eval/build-dev-set.ts
 *
 * Queries are written the way residents and supporters type; which listings answer each one is
 * decided here from the data (taxonomy terms, 困りごと tags, 地区, names, distances), never from
 * what an engine returns. The sample is deterministic, so the ids are stable; rerun after the
 * generator changes and commit the JSON.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/lib/server/db';
import { haversineMeters } from '../../src/lib/domain/geo';
import type { EvalQuery } from '../../src/lib/server/search/evaluation';
import { generateSample } from '../sample/generate';

const OUTPUT = path.resolve('data/eval/dev.json');
const NEAR_COUNT = 10;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsunagi-devset-'));
const db = openDatabase(path.join(dir, 'sample.db'), { migrationsDir: path.resolve('drizzle') });
generateSample(db, { listings: 3000, events: 300 });
const sqlite = db.$client;

interface Row {
	id: string;
	lat: number | null;
	lng: number | null;
}

const PUBLISHED = `SELECT s.id, l.lat, l.lng FROM services s
	LEFT JOIN service_locations sl ON sl.id = (SELECT id FROM service_locations WHERE service_id = s.id ORDER BY rowid LIMIT 1)
	LEFT JOIN locations l ON l.id = sl.location_id
	WHERE s.status = 'published'`;
const IN_DISTRICT = `AND EXISTS (SELECT 1 FROM location_areas la JOIN areas a ON a.id = la.area_id
	WHERE la.location_id = l.id AND a.kind = '地区' AND a.name = @district)`;
const ORDER = 'ORDER BY coalesce(s.name_kana, s.name), s.id';

const withTerm = (code: string, district?: string): Row[] =>
	sqlite
		.prepare(`${PUBLISHED} AND EXISTS (SELECT 1 FROM service_terms st JOIN taxonomy_terms t ON t.id = st.term_id WHERE st.service_id = s.id AND t.code = @code) ${district ? IN_DISTRICT : ''} ${ORDER}`)
		.all({ code, district }) as Row[];
const withTag = (tag: string): Row[] =>
	sqlite.prepare(`${PUBLISHED} AND EXISTS (SELECT 1 FROM service_tags WHERE service_id = s.id AND tag = @tag) ${ORDER}`).all({ tag }) as Row[];
const named = (name: string): Row[] => sqlite.prepare(`${PUBLISHED} AND s.name = @name ${ORDER}`).all({ name }) as Row[];
const districtCenter = (name: string) =>
	sqlite.prepare("SELECT center_lat AS lat, center_lng AS lng FROM areas WHERE kind = '地区' AND name = ?").get(name) as { lat: number; lng: number };

/** Listings of several sources, in source order, each once. */
function union(...lists: Row[][]): Row[] {
	const seen = new Set<string>();
	return lists.flat().filter((row) => !seen.has(row.id) && seen.add(row.id));
}

const queries: EvalQuery[] = [];
function add(kind: string, q: string, rows: Row[], extra: Partial<EvalQuery> = {}): void {
	if (rows.length === 0) {
		console.warn(`skipped (nothing answers it): ${kind} ${q}`);
		return;
	}
	queries.push({ id: `${kind}-${String(queries.filter((query) => query.kind === kind).length + 1).padStart(2, '0')}`, q, kind, relevant: rows.map((row) => row.id), ...extra });
}

// Everyday words for the kinds of places.
const KEYWORDS: Array<[string, string]> = [
	['薬局', 'pharmacy'], ['歯科', 'dental'], ['病院', 'hospital'], ['訪問看護', 'home-nursing'], ['デイサービス', 'day-service'],
	['ショートステイ', 'short-stay'], ['グループホーム', 'group-home'], ['特別養護老人ホーム', 'nursing-home'], ['居宅介護支援', 'care-management'],
	['就労支援', 'employment-support'], ['生活介護', 'life-care'], ['児童発達支援', 'child-development'], ['放課後児童クラブ', 'after-school'],
	['一時預かり', 'temporary-care'], ['保育所', 'nursery'], ['子育て相談', 'child-consult'], ['公民館', 'community-center'],
	['シルバー人材センター', 'silver-center'], ['民生委員', 'minsei-iin'], ['百歳体操', 'hyakusai-taiso'], ['サロン', 'salon'],
	['子ども食堂', 'kodomo-shokudo'], ['社会福祉協議会', 'social-welfare-council'], ['高齢者支援センター', 'care-center'],
	['子育て支援拠点', 'childcare-hub'], ['クリニック', 'clinic'], ['訪問介護', 'home-help'], ['通所型サービスB', 'day-support-b'],
	['訪問型サービスB', 'visit-support-b'], ['障害者相談支援', 'disability-consult']
];
for (const [q, code] of KEYWORDS) add('keyword', q, withTerm(code));

const READINGS: Array<[string, string]> = [
	['やっきょく', 'pharmacy'], ['ほうもんかんご', 'home-nursing'], ['でいさーびす', 'day-service'], ['ひゃくさいたいそう', 'hyakusai-taiso'],
	['こうみんかん', 'community-center'], ['しょーとすてい', 'short-stay'], ['ぐるーぷほーむ', 'group-home'], ['びょういん', 'hospital'],
	['いちじあずかり', 'temporary-care'], ['みんせいいいん', 'minsei-iin'], ['しるばーじんざいせんたー', 'silver-center'], ['さろん', 'salon'],
	['こどもしょくどう', 'kodomo-shokudo'], ['ほうもんかいご', 'home-help'], ['ほいくしょ', 'nursery'], ['しゃかいふくしきょうぎかい', 'social-welfare-council']
];
for (const [q, code] of READINGS) add('reading', q, withTerm(code));

const VARIANTS: Array<[string, Row[]]> = [
	['子供食堂', withTerm('kodomo-shokudo')], ['こども食堂', withTerm('kodomo-shokudo')], ['障がい者相談支援', withTerm('disability-consult')],
	['ごみ出し', withTag('ゴミ出し支援')], ['100歳体操', withTerm('hyakusai-taiso')], ['一時預り', withTerm('temporary-care')],
	['保育園', withTerm('nursery')], ['子供の発達支援', withTerm('child-development')], ['障碍者の就労支援', withTerm('employment-support')]
];
for (const [q, rows] of VARIANTS) add('variant', q, rows);

const WIDTHS: Array<[string, string]> = [
	['ｻﾛﾝ', 'salon'], ['ﾃﾞｲｻｰﾋﾞｽ', 'day-service'], ['ﾔｯｷｮｸ', 'pharmacy'], ['ｸﾞﾙｰﾌﾟﾎｰﾑ', 'group-home'], ['ｼｮｰﾄｽﾃｲ', 'short-stay'],
	['ｸﾘﾆｯｸ', 'clinic'], ['ﾌｧﾐﾘｰｻﾎﾟｰﾄ', 'family-support']
];
for (const [q, code] of WIDTHS) add('width', q, withTerm(code));

const ABBREVIATIONS: Array<[string, string]> = [
	['包括', 'care-center'], ['社協', 'social-welfare-council'], ['デイ', 'day-service'], ['ファミサポ', 'family-support'], ['特養', 'nursing-home'],
	['学童', 'after-school'], ['民生', 'minsei-iin'], ['シルバー', 'silver-center'], ['ケアマネ', 'care-management'], ['訪看', 'home-nursing'],
	['ヘルパー', 'home-help'], ['作業所', 'employment-support'], ['放デイ', 'child-development']
];
for (const [q, code] of ABBREVIATIONS) add('abbreviation', q, withTerm(code));

const TYPOS: Array<[string, string]> = [
	['公民間', 'community-center'], ['訪門看護', 'home-nursing'], ['ひゃくさいたいそ', 'hyakusai-taiso'], ['ぐるーぷほむ', 'group-home'],
	['ふぁみりさぽーと', 'family-support'], ['特別養護老人ホム', 'nursing-home'], ['しょとすてい', 'short-stay'], ['シルバ人材センター', 'silver-center'],
	['放課後児童グラブ', 'after-school'], ['居宅介護支授', 'care-management'], ['でーさーびす', 'day-service']
];
for (const [q, code] of TYPOS) add('typo', q, withTerm(code));

const WORRIES: Array<[string, Row[]]> = [
	['電球が切れて困っている', union(withTag('電球交換'), withTerm('visit-support-b'))],
	['電球を替えてほしい', union(withTag('電球交換'), withTerm('visit-support-b'))],
	['ゴミを出せない', union(withTag('ゴミ出し支援'), withTerm('visit-support-b'))],
	['ゴミ出しを手伝ってほしい', union(withTag('ゴミ出し支援'), withTerm('visit-support-b'))],
	['草むしりをお願いしたい', union(withTag('草抜き'), withTerm('silver-center'))],
	['買い物に行けない', union(withTag('買い物代行'), withTerm('mobility-shopping'))],
	['一人暮らしの母が心配', union(withTag('見守り'), withTerm('minsei-iin'))],
	['話し相手がほしい', union(withTag('話し相手'), withTerm('salon'))],
	['子どもを預けたい', union(withTerm('temporary-care'), withTerm('family-support'), withTag('一時預かり'))],
	['親の介護の相談をしたい', union(withTerm('care-center'), withTag('介護の相談'))],
	['お金に困っている', union(withTag('お金の相談'), withTerm('self-reliance'))],
	['仕事を探している', union(withTag('仕事の相談'), withTerm('employment-support'))],
	['近くの集いの場', union(withTerm('salon'), withTerm('community-center'), withTag('居場所'))],
	['体を動かしたい', union(withTerm('hyakusai-taiso'), withTag('健康づくり'))],
	['薬のことを聞きたい', union(withTag('薬の相談'), withTerm('pharmacy'))],
	['部屋の掃除が大変', withTag('掃除')],
	['病院に行くのに付き添いがほしい', withTag('通院の付き添い')],
	['ご飯を作るのが大変', union(withTag('配食'), withTag('食事の提供'))],
	['子育ての悩みを相談したい', union(withTag('子育ての相談'), withTerm('child-consult'))],
	['認知症が心配', union(withTerm('care-center'), withTag('介護の相談'))]
];
for (const [q, rows] of WORRIES) add('worry', q, rows);

const AREA_QUERIES: Array<[string, string, string]> = [
	['旭の薬局', 'pharmacy', '旭'], ['一宮のサロン', 'salon', '一宮'], ['春野 百歳体操', 'hyakusai-taiso', '春野'], ['三里のデイサービス', 'day-service', '三里'],
	['潮江の子ども食堂', 'kodomo-shokudo', '潮江'], ['旭 民生委員', 'minsei-iin', '旭'], ['一宮の薬局', 'pharmacy', '一宮'], ['春野の薬局', 'pharmacy', '春野'],
	['朝倉の歯医者', 'dental', '朝倉'], ['高須のデイ', 'day-service', '高須'], ['下知 訪問介護', 'home-help', '下知'], ['江ノ口西の社協', 'social-welfare-council', '江ノ口西']
];
for (const [q, code, district] of AREA_QUERIES) add('area', q, withTerm(code, district));
const AREA_PARAM_QUERIES: Array<[string, string, string]> = [
	['サロン', 'salon', '旭'], ['薬局', 'pharmacy', '三里'], ['百歳体操', 'hyakusai-taiso', '朝倉']
];
for (const [q, code, district] of AREA_PARAM_QUERIES) add('area', q, withTerm(code, district), { area: district });

const NAMES: Array<[string, string]> = [
	['あさひ調剤薬局', 'あさひ調剤薬局'], ['デイサービスひだまり', 'デイサービスひだまり'], ['ひだまり デイ', 'デイサービスひだまり'],
	['ファミリーサポートセンター', '高知市ファミリー・サポート・センター'], ['高知市社協', '高知市社会福祉協議会'], ['あさひちょうざい', 'あさひ調剤薬局']
];
for (const [q, name] of NAMES) add('name', q, named(name));

const NEAR_QUERIES: Array<[string, string, string]> = [
	['薬局', 'pharmacy', '旭'], ['サロン', 'salon', '一宮'], ['デイサービス', 'day-service', '春野'], ['百歳体操', 'hyakusai-taiso', '三里'],
	['子ども食堂', 'kodomo-shokudo', '潮江'], ['訪問看護', 'home-nursing', '朝倉'], ['歯医者', 'dental', '高知街'], ['やっきょく', 'pharmacy', '大津']
];
for (const [q, code, district] of NEAR_QUERIES) {
	const near = districtCenter(district);
	const nearest = withTerm(code)
		.filter((row) => row.lat !== null && row.lng !== null)
		.map((row) => ({ row, distance: haversineMeters(near, { lat: row.lat!, lng: row.lng! }) }))
		.sort((a, b) => a.distance - b.distance || (a.row.id < b.row.id ? -1 : 1))
		.slice(0, NEAR_COUNT)
		.map(({ row }) => row);
	add('near', q, nearest, { near: { lat: near.lat, lng: near.lng } });
}

fs.mkdirSync(path.dirname(OUTPUT), { recursive: true });
fs.writeFileSync(OUTPUT, `[\n${queries.map((query) => `\t${JSON.stringify(query)}`).join(',\n')}\n]\n`);
console.log(`${queries.length} queries → ${path.relative(process.cwd(), OUTPUT)}`);
sqlite.close();
fs.rmSync(dir, { recursive: true, force: true });
