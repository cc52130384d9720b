import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { loadListItems } from '$lib/server/referral-list';
import { listFromParams } from '$lib/domain/referral-list';

/**
 * /list: the つなぎ先リスト kept in this browser. The browser puts the list's ids in the URL
 * (`?item=…`) so the server can send their details; order and notes stay in the browser.
 */
export const load: PageServerLoad = async ({ url }) => {
	const parsed = listFromParams(url.searchParams);
	if (!parsed.ok) return { items: [], missing: 0, problem: parsed.ja };
	return { ...(await loadListItems(getApp(), parsed.entries)), problem: null };
};
