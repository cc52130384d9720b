import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { getApp } from '$lib/server/app';
import { getListing } from '$lib/server/listings';
import { notFound } from '$lib/server/http';

export const GET: RequestHandler = async ({ params }) => {
	const listing = getListing(getApp().db, params.id);
	if (!listing) return notFound('指定された情報は見つかりません。', 'No published listing with this id.');
	return json(listing);
};
