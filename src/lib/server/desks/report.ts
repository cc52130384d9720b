/**
 * District report for curators: 相談記録メモ counted by month, 地区, worry category, the field of
 * the listings people were referred to, and outcome. Counts are exact here; pages and CSV show
 * them through maskSmall (under 3 → 「3未満」) so no one can be recognised.
 */
import { z } from 'zod';
import type { AppDatabase } from '../db';
import { MEMO_OPTIONS, maskSmall } from '../../domain/memo';
import { FIELDS } from '../../domain/taxonomy';
import { toExcelCsv } from '../importers/csv-columns';

export const ReportFilterSchema = z.object({
	from: z.string().regex(/^\d{4}-\d{2}$/, { message: '開始月は YYYY-MM で指定してください。' }),
	to: z.string().regex(/^\d{4}-\d{2}$/, { message: '終了月は YYYY-MM で指定してください。' }),
	area: z.string().max(64).optional()
});
export type ReportFilter = z.infer<typeof ReportFilterSchema>;

export interface CountRow {
	label: string;
	count: number;
}

export interface DistrictReport {
	filter: ReportFilter;
	total: number;
	byMonth: CountRow[];
	byArea: CountRow[];
	byCategory: CountRow[];
	/** 地区 × category: rows are 地区, columns MEMO_OPTIONS.categories. */
	areaCategory: Array<{ area: string; counts: number[] }>;
	byReferralField: CountRow[];
	byOutcome: CountRow[];
	byChannel: CountRow[];
}

/** The last twelve months up to the latest memo (or this month). */
export function defaultFilter(db: AppDatabase, now = new Date()): ReportFilter {
	const latest = (db.$client.prepare('SELECT max(consulted_on) FROM consultation_memos').pluck().get() as string | null) ?? now.toISOString();
	const [year, month] = latest.slice(0, 7).split('-').map(Number);
	const start = new Date(Date.UTC(year, month - 12, 1));
	return { from: start.toISOString().slice(0, 7), to: latest.slice(0, 7) };
}

function monthsBetween(from: string, to: string): string[] {
	const months: string[] = [];
	let [year, month] = from.split('-').map(Number);
	const [endYear, endMonth] = to.split('-').map(Number);
	while ((year < endYear || (year === endYear && month <= endMonth)) && months.length < 120) {
		months.push(`${year}-${String(month).padStart(2, '0')}`);
		month += 1;
		if (month > 12) [year, month] = [year + 1, 1];
	}
	return months;
}

export function buildReport(db: AppDatabase, filter: ReportFilter): DistrictReport {
	const sqlite = db.$client;
	// The memos in range, as a CTE every count starts from.
	const scope = `WITH memo AS (SELECT m.* FROM consultation_memos m
		WHERE substr(m.consulted_on, 1, 7) BETWEEN @from AND @to AND (@area IS NULL OR m.area_id = @area))`;
	const params = { from: filter.from, to: filter.to, area: filter.area || null };
	const counts = (sql: string) => new Map((sqlite.prepare(`${scope} ${sql}`).raw().all(params) as Array<[string, number]>).map(([k, v]) => [k, v]));

	const total = sqlite.prepare(`${scope} SELECT count(*) FROM memo`).pluck().get(params) as number;
	const months = counts('SELECT substr(consulted_on, 1, 7), count(*) FROM memo GROUP BY 1');
	const areaRows = sqlite
		.prepare(`SELECT a.id, a.name FROM areas a WHERE a.kind = '地区' AND (@area IS NULL OR a.id = @area) ORDER BY a.sort_order, a.name`)
		.all({ area: params.area }) as Array<{ id: string; name: string }>;
	const byAreaId = counts('SELECT area_id, count(*) FROM memo GROUP BY 1');
	const categories = counts('SELECT c.value, count(*) FROM memo, json_each(memo.categories) c GROUP BY 1');
	const areaCategory = new Map(
		(sqlite.prepare(`${scope} SELECT area_id || char(9) || c.value, count(*) FROM memo, json_each(memo.categories) c GROUP BY 1`).raw().all(params) as Array<
			[string, number]
		>).map(([k, v]) => [k, v])
	);
	// A memo counts once per field it referred to.
	const fields = counts(`SELECT s.field, count(DISTINCT memo.id) FROM memo, json_each(memo.referred_service_ids) r
		JOIN services s ON s.id = r.value GROUP BY 1`);
	const outcomes = counts('SELECT outcome, count(*) FROM memo GROUP BY 1');
	const channels = counts('SELECT channel, count(*) FROM memo GROUP BY 1');
	const rows = (labels: readonly string[], map: Map<string, number>): CountRow[] => labels.map((label) => ({ label, count: map.get(label) ?? 0 }));

	return {
		filter,
		total,
		byMonth: rows(monthsBetween(filter.from, filter.to), months),
		byArea: areaRows.map((area) => ({ label: area.name, count: byAreaId.get(area.id) ?? 0 })),
		byCategory: rows(MEMO_OPTIONS.categories, categories),
		areaCategory: areaRows
			.filter((area) => (byAreaId.get(area.id) ?? 0) > 0)
			.map((area) => ({ area: area.name, counts: MEMO_OPTIONS.categories.map((category) => areaCategory.get(`${area.id}\t${category}`) ?? 0) })),
		byReferralField: rows(FIELDS, fields),
		byOutcome: rows(MEMO_OPTIONS.outcomes, outcomes),
		byChannel: rows(MEMO_OPTIONS.channels, channels)
	};
}

/** The report as a CSV Excel opens (BOM, CRLF, formula-like cells neutralised), small counts masked. */
export function reportCsv(report: DistrictReport): string {
	const table = (title: string, heading: string, data: CountRow[]) => [[title], [heading, '件数'], ...data.map((row) => [row.label, maskSmall(row.count)]), []];
	return toExcelCsv([
		['相談記録メモ 地区別レポート', `${report.filter.from}〜${report.filter.to}`],
		['合計', maskSmall(report.total)],
		[],
		...table('月別', '月', report.byMonth),
		...table('地区別', '地区', report.byArea),
		...table('相談の内容別', '相談の内容', report.byCategory),
		['地区 × 相談の内容'],
		['地区', ...MEMO_OPTIONS.categories],
		...report.areaCategory.map((row) => [row.area, ...row.counts.map(maskSmall)]),
		[],
		...table('つなぎ先の分野別', '分野', report.byReferralField),
		...table('結果別', '結果', report.byOutcome),
		...table('相談の方法別', '方法', report.byChannel)
	]);
}
