import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { loadAreaPage } from '$lib/server/areas';

export const load: PageServerLoad = async ({ params }) => {
	const areaPage = await loadAreaPage(getApp(), params.slug);
	if (!areaPage) error(404, 'その地区は見つかりませんでした。地区の一覧から選んでください。');
	return areaPage;
};
