import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireDesk } from '$lib/server/auth/permissions';
import { desksOf, listMemos } from '$lib/server/desks/memos';

/** The desk's own 相談記録メモ, newest first (another desk's are never listed). */
export const load: PageServerLoad = (event) => {
	const user = requireDesk(event);
	const { db } = getApp();
	return { desks: desksOf(db, user), memos: listMemos(db, user), created: event.url.searchParams.has('created') };
};
