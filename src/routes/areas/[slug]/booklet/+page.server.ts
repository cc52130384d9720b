import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { loadBooklet } from '$lib/server/booklet';
import { PRINT_LIMIT, issuedOn } from '$lib/server/print';

export const load: PageServerLoad = async ({ params, url }) => {
	const booklet = await loadBooklet(getApp(), params.slug, url.origin);
	if (!booklet) error(404, 'その地区・校区は見つかりませんでした。地区の一覧から選んでください。');
	return { ...booklet, issuedOn: issuedOn(), limit: PRINT_LIMIT };
};
