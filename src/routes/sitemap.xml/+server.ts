import { error } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { sitemapDocument } from '$lib/server/sitemap';

export const GET: RequestHandler = ({ url }) => {
	const partParam = url.searchParams.get('part');
	const body = sitemapDocument(getApp(), url.origin, partParam === null ? null : Number(partParam));
	if (body === null) error(404, 'サイトマップのその部分はありません。');
	return new Response(body, { headers: { 'content-type': 'application/xml; charset=utf-8', 'cache-control': 'public, max-age=3600' } });
};
