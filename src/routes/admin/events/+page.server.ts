import type { PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/permissions';
import { listAdminEvents } from '$lib/server/admin/events';
import { describeRecurrence } from '$lib/domain/recurrence';

/** The events this account keeps (curators: all), with 確認待ち ones to publish. */
export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const events = listAdminEvents(getApp().db, user).map((row) => ({ ...row, rule: row.rrule ? describeRecurrence(row.rrule, row.startsAt.slice(0, 10)) : null }));
	return { events };
};
