import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import { ReportFilterSchema, buildReport, defaultFilter, reportCsv } from '$lib/server/desks/report';

/** The district report as CSV for Excel (BOM, CRLF, formula cells neutralised, small counts masked). */
export const GET: RequestHandler = (event) => {
	requireCurator(event);
	const { db } = getApp();
	const given = Object.fromEntries([...event.url.searchParams].filter(([, value]) => value.trim() !== ''));
	const parsed = ReportFilterSchema.safeParse({ ...defaultFilter(db), ...given });
	if (!parsed.success) {
		return new Response(`${parsed.error.issues[0].message}\n`, { status: 400, headers: { 'content-type': 'text/plain; charset=utf-8' } });
	}
	const filter = parsed.data;
	return new Response(reportCsv(buildReport(db, filter)), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="memo-report-${filter.from}-${filter.to}.csv"`
		}
	});
};
