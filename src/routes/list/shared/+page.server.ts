import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { loadListItems, shareLink } from '$lib/server/referral-list';
import { issuedOn } from '$lib/server/print';
import { invalidListMessage, listFromParams } from '$lib/domain/referral-list';

/**
 * A shared つなぎ先リスト: the list the link carries, in its order with its notes, ready for A4
 * (QR code per listing and for the whole list). Rendered on the server: works without JavaScript.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const { language } = locals;
	const app = getApp();
	const parsed = listFromParams(url.searchParams);
	if (!parsed.ok) {
		const problem = invalidListMessage(language);
		return { entries: [], items: [], missing: 0, share: null, issuedOn: issuedOn(app.now(), language), problem };
	}
	return {
		entries: parsed.entries,
		...(await loadListItems(app, parsed.entries, { origin: url.origin, language })),
		share: parsed.entries.length > 0 ? await shareLink(url.origin, parsed.entries) : null,
		issuedOn: issuedOn(app.now(), language),
		problem: null
	};
};
