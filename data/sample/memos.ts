/**
 * A year of fictional 相談記録メモ for the sample's certified desks (about 2–5 a month each),
 * with worry categories, channels, age bands and outcomes in plausible proportions and referrals
 * to published listings of the desk's 地区 in the fitting field. Deterministic (own seeded stream).
 */
import type BetterSqlite3 from 'better-sqlite3';
import { MEMO_OPTIONS } from '../../src/lib/domain/memo';
import { Random, WeightedPicker } from './random';

const MEMO_SEED = 20191105; // the day the first desks opened
/** Where a worry category's referrals usually go. */
const CATEGORY_FIELD: Record<string, string> = {
	介護: '介護',
	'健康・医療': '医療',
	子育て: '子育て',
	障害: '障害'
};
const CATEGORY_WEIGHTS: Record<string, number> = {
	介護: 22,
	'健康・医療': 16,
	子育て: 6,
	障害: 5,
	'生活困窮・お金': 8,
	住まい: 4,
	'孤立・話し相手': 10,
	'家事・ちょっとした困りごと': 14,
	地域活動: 9,
	その他: 6
};
const CHANNEL_WEIGHTS: Record<string, number> = { 来所: 70, 電話: 25, 訪問: 5 };
const AGE_WEIGHTS: Record<string, number> = { '75歳以上': 40, '65〜74歳': 25, '40〜64歳': 18 };
const OUTCOME_WEIGHTS: Record<string, number> = { 助言で解決: 45, つないだ: 40, 継続: 15 };
const SAFE_NOTES = ['後日、社協から連絡することになった', '高齢者支援センターに同行', 'チラシを渡した', '民生委員さんに連絡', null, null, null, null];

export function generateMemos(sqlite: BetterSqlite3.Database, referenceDate: string): number {
	const random = new Random(MEMO_SEED);
	const desks = sqlite
		.prepare(
			`SELECT d.service_id AS id, coalesce(json_extract(d.area_ids, '$[0]'),
				(SELECT la.area_id FROM service_locations sl JOIN location_areas la ON la.location_id = sl.location_id
				JOIN areas a ON a.id = la.area_id AND a.kind = '地区' WHERE sl.service_id = d.service_id LIMIT 1)) AS areaId
			FROM desk_certifications d ORDER BY d.service_id`
		)
		.all() as Array<{ id: string; areaId: string | null }>;
	const listingsIn = sqlite.prepare(
		`SELECT DISTINCT s.id FROM services s JOIN service_locations sl ON sl.service_id = s.id JOIN location_areas la ON la.location_id = sl.location_id
		WHERE la.area_id = ? AND s.field = ? AND s.status = 'published' ORDER BY s.id LIMIT 40`
	);
	const insert = sqlite.prepare(
		`INSERT INTO consultation_memos (id, desk_service_id, consulted_on, channel, area_id, categories, age_band, household,
		referred_service_ids, outcome, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
	);
	const categories = new WeightedPicker(MEMO_OPTIONS.categories, (category) => CATEGORY_WEIGHTS[category] ?? 1);
	const channels = new WeightedPicker(MEMO_OPTIONS.channels, (channel) => CHANNEL_WEIGHTS[channel] ?? 5);
	const ages = new WeightedPicker(MEMO_OPTIONS.ageBands, (band) => AGE_WEIGHTS[band] ?? 5);
	const outcomes = new WeightedPicker(MEMO_OPTIONS.outcomes, (outcome) => OUTCOME_WEIGHTS[outcome] ?? 15);
	const end = Date.parse(`${referenceDate}T00:00:00+09:00`);
	let count = 0;
	sqlite.transaction(() => {
		for (const desk of desks) {
			if (!desk.areaId) continue;
			const memos = random.int(24, 60);
			for (let i = 0; i < memos; i++) {
				const day = new Date(end - random.int(1, 365) * 86_400_000 + 9 * 3_600_000).toISOString().slice(0, 10);
				const chosen = [...new Set([categories.pick(random), ...(random.chance(0.25) ? [categories.pick(random)] : [])])];
				const outcome = outcomes.pick(random);
				const field = CATEGORY_FIELD[chosen[0]] ?? '地域資源';
				const candidates = outcome === 'つないだ' ? (listingsIn.pluck().all(desk.areaId, field) as string[]) : [];
				const referred = candidates.length > 0 ? random.sample(candidates, Math.min(candidates.length, random.int(1, 2))) : [];
				const stamp = `${day}T06:00:00.000Z`;
				insert.run(
					random.uuid(),
					desk.id,
					day,
					channels.pick(random),
					desk.areaId,
					JSON.stringify(chosen),
					ages.pick(random),
					random.pick(MEMO_OPTIONS.households),
					JSON.stringify(referred),
					outcome,
					random.pick(SAFE_NOTES),
					stamp,
					stamp
				);
				count++;
			}
		}
	})();
	return count;
}
