import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { requireCurator } from '$lib/server/auth/permissions';
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, exportData, type ExportFormat } from '$lib/server/importers/data-files';

const EXTENSIONS: Record<ExportFormat, string> = { hsds: 'json', csv: 'csv', geojson: 'geojson' };

/** Curators' downloads: the HSDS file holds every listing (for moving or backup), CSV and GeoJSON the published ones. */
export const GET: RequestHandler = (event) => {
	requireCurator(event);
	const format = event.params.format as ExportFormat;
	if (!(EXPORT_FORMATS as readonly string[]).includes(format)) error(404, '書き出しの形式は hsds・csv・geojson です。');
	const { body } = exportData(getApp().db, format, { publishedOnly: event.url.searchParams.get('published') === '1', baseUrl: event.url.origin });
	const date = new Date().toISOString().slice(0, 10);
	return new Response(body, {
		headers: {
			'content-type': EXPORT_CONTENT_TYPES[format],
			'content-disposition': `attachment; filename="tsunagi-${date}.${EXTENSIONS[format]}"`,
			'cache-control': 'no-store'
		}
	});
};
