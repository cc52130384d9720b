import type { RequestHandler } from './$types';
import { requireCurator } from '$lib/server/auth/permissions';
import { csvTemplate } from '$lib/server/importers/open-data';

export const GET: RequestHandler = (event) => {
	requireCurator(event);
	return new Response(csvTemplate(), {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="tsunagi-template.csv"' }
	});
};
