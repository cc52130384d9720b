import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { districts } from '$lib/server/areas';
import { requireCurator } from '$lib/server/auth/permissions';
import { ReportFilterSchema, buildReport, defaultFilter } from '$lib/server/desks/report';

/** District report of 相談記録メモ for curators (市・社協), by period and 地区. */
export const load: PageServerLoad = (event) => {
	requireCurator(event);
	const { db } = getApp();
	const fallback = defaultFilter(db);
	const given = Object.fromEntries([...event.url.searchParams].filter(([, value]) => value.trim() !== ''));
	const parsed = ReportFilterSchema.safeParse({ ...fallback, ...given });
	const filter = parsed.success ? parsed.data : fallback;
	return {
		areas: districts(getApp()),
		report: buildReport(db, filter),
		problem: parsed.success ? null : parsed.error.issues[0].message,
		csvHref: `/admin/reports/csv?${new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => !!entry[1]))}`
	};
};
