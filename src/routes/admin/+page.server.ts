import type { Actions, PageServerLoad } from './$types';
import { getApp } from '$lib/server/app';
import { requireUser } from '$lib/server/auth/permissions';
import { freshnessReport, STALE_AFTER_MONTHS } from '$lib/server/admin/freshness';
import { areaOptions } from '$lib/server/admin/queries';
import { adminContext, asHttpFailure } from '$lib/server/admin/routes';
import { verifyListing } from '$lib/server/admin/workflow';
import { seriesWithoutFutureDates } from '$lib/server/admin/events';

export const load: PageServerLoad = (event) => {
	const user = requireUser(event);
	const filter = {
		field: event.url.searchParams.get('field') ?? '',
		district: event.url.searchParams.get('district') ?? ''
	};
	const { db } = getApp();
	return {
		report: freshnessReport(db, user, filter),
		filter,
		districts: areaOptions(db)['地区'] ?? [],
		staleAfterMonths: STALE_AFTER_MONTHS,
		endedSeries: seriesWithoutFutureDates(db, user, getApp().now())
	};
};

export const actions: Actions = {
	/** 確認済み from the stale list: stamps today as 最終確認日. */
	verify: async (event) => {
		const user = requireUser(event);
		const id = String((await event.request.formData()).get('id') ?? '');
		try {
			const date = await verifyListing(adminContext(), user, id);
			return { verified: { id, date } };
		} catch (caught) {
			return asHttpFailure(caught, {});
		}
	}
};
