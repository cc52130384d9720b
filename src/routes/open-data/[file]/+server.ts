import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { publicDownload } from '$lib/server/importers/public-downloads';

/** The published listings as open data (HSDS JSON, CSV, GeoJSON); nothing unpublished. */
export const GET: RequestHandler = ({ params, url }) => {
	const download = publicDownload(getApp().db, params.file, url.origin);
	if (!download) error(404, 'そのファイルはありません。オープンデータのページから選んでください。');
	return new Response(download.body, {
		headers: {
			'content-type': download.contentType,
			'content-disposition': `attachment; filename="tsunagi-${params.file}"`,
			'cache-control': 'public, max-age=300'
		}
	});
};
