import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { loadListItems } from '$lib/server/referral-list';
import { invalidListMessage, listFromParams } from '$lib/domain/referral-list';

/**
 * /list: the つなぎ先リスト kept in this browser. The browser puts the list's ids in the URL
 * (`?item=…`) so the server can send their details; order and notes stay in the browser.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const parsed = listFromParams(url.searchParams);
	if (!parsed.ok) return { items: [], missing: 0, problem: invalidListMessage(locals.language) };
	return { ...(await loadListItems(getApp(), parsed.entries, { language: locals.language })), problem: null };
};
